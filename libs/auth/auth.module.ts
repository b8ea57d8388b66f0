import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ACCESS_TOKEN_ISSUER, AppConfig } from '@redress/config';
import { accessTokenVerifier, AccessTokenIssuer } from './access-tokens';
import { IssuerVerifiers } from './issuer-verifiers';
import { JwtAuthGuard } from './jwt-auth.guard';
import { verificationKey } from './key-source';
import { RolesGuard } from './roles.guard';
import { TokenVerifier } from './token-verifier';

/**
 * Authentication then authorisation, as global guards: a route is protected unless marked @Public().
 * One TokenVerifier per issuer and process, so its key set (and its cache of the identity provider's keys)
 * is shared: the platform's, and Redress's own for the access tokens of one-time links.
 */
@Module({
  providers: [
    {
      provide: IssuerVerifiers,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new IssuerVerifiers(
          new TokenVerifier(verificationKey(config.auth, new Logger('Auth')), config.auth),
          new Map([[ACCESS_TOKEN_ISSUER, accessTokenVerifier(config.access, config.auth)]]),
        ),
    },
    {
      provide: AccessTokenIssuer,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new AccessTokenIssuer(config.access, config.auth.audience),
    },
    JwtAuthGuard,
    { provide: APP_GUARD, useExisting: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [JwtAuthGuard, AccessTokenIssuer],
})
export class AuthModule {}

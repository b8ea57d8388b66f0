import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '@redress/config';
import { JwtAuthGuard } from './jwt-auth.guard';
import { verificationKey } from './key-source';
import { RolesGuard } from './roles.guard';
import { TokenVerifier } from './token-verifier';

/**
 * Authentication then authorisation, as global guards: a route is protected unless marked @Public().
 * One TokenVerifier per process, so its key set (and its cache of the identity provider's keys) is shared.
 */
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new TokenVerifier(verificationKey(config.auth, new Logger('Auth')), config.auth),
    },
    JwtAuthGuard,
    { provide: APP_GUARD, useExisting: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [JwtAuthGuard],
})
export class AuthModule {}

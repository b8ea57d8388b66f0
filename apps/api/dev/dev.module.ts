import { DynamicModule, Module } from '@nestjs/common';
import { configWith } from '@redress/config';
import { DevTokenController } from './dev-token.controller';

/**
 * Development conveniences (the console's role picker). Whether they exist is decided while the module
 * graph is built, so in production (and in tests) the routes are not registered at all and are absent
 * from the OpenAPI document, rather than registered and refusing.
 */
@Module({})
export class DevModule {
  /** `overrides` as given to ApiModule.forRoot: the configuration is merged exactly as ConfigModule merges it. */
  static forRoot(overrides: Record<string, string | undefined> = {}): DynamicModule {
    const config = configWith(overrides);
    const enabled = config.env.NODE_ENV === 'development' && config.jwt.key?.algorithm === 'HS256';
    return { module: DevModule, controllers: enabled ? [DevTokenController] : [] };
  }
}

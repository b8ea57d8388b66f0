import { DynamicModule, Module } from '@nestjs/common';
import { configWith } from '@redress/config';
import { DevTokenController } from './dev-token.controller';

/**
 * Development conveniences (the console's role picker). Whether they exist is decided while the module
 * graph is built: only with NODE_ENV=development and no configured key (AppConfig.developmentTokens);
 * everywhere else the routes are not registered at all and are absent from the OpenAPI document.
 */
@Module({})
export class DevModule {
  /** `overrides` as given to ApiModule.forRoot: the configuration is merged exactly as ConfigModule merges it. */
  static forRoot(overrides: Record<string, string | undefined> = {}): DynamicModule {
    return {
      module: DevModule,
      controllers: configWith(overrides).developmentTokens ? [DevTokenController] : [],
    };
  }
}

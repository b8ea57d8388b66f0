import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig, loadConfig } from './app-config';

const KEY = 'redress';

/**
 * @nestjs/config validates the environment at boot (a bad variable stops the process with a readable
 * message); the rest of the code injects the typed AppConfig it produces. `overrides` lets tests and
 * tools start an app with their own settings without touching process.env.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(overrides: Record<string, string | undefined> = {}): DynamicModule {
    return {
      module: ConfigModule,
      imports: [
        NestConfigModule.forRoot({
          ignoreEnvFile: true,
          skipProcessEnv: true,
          cache: true,
          validate: (env) => ({ [KEY]: loadConfig({ ...env, ...overrides }) }),
        }),
      ],
      providers: [
        {
          provide: AppConfig,
          inject: [ConfigService],
          useFactory: (cs: ConfigService) => cs.getOrThrow<AppConfig>(KEY),
        },
      ],
      exports: [AppConfig],
    };
  }
}

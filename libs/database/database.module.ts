import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@redress/config';
import { dataSourceOptions } from './data-source-options';
import { ReplicaReads } from './replica-reads';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config),
        autoLoadEntities: true,
        migrationsRun: false,
        // Fail fast at boot rather than retrying for minutes; preflight already checked reachability.
        retryAttempts: 2,
        retryDelay: 500,
      }),
    }),
  ],
  providers: [UnitOfWork, ReplicaReads],
  exports: [UnitOfWork, ReplicaReads],
})
export class DatabaseModule {}

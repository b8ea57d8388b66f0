import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreateSuspensionUseCase } from './application/create-suspension.use-case';
import { LiftSuspensionUseCase } from './application/lift-suspension.use-case';
import { SuspensionEntity } from './persistence/suspension.entity';
import { SuspensionRepository } from './persistence/suspension.repository';
import { SuspensionQueries } from './queries/suspension-queries';

@Module({
  imports: [TypeOrmModule.forFeature([SuspensionEntity])],
  providers: [CreateSuspensionUseCase, LiftSuspensionUseCase, SuspensionRepository, SuspensionQueries],
  exports: [CreateSuspensionUseCase, LiftSuspensionUseCase, SuspensionRepository, SuspensionQueries],
})
export class SuspensionsModule {}

import { Module } from '@nestjs/common';
import { AppealsModule } from '@redress/appeals';
import { JudgeDetectorsUseCase } from './application/judge-detectors.use-case';
import { DetectorVersionRepository } from './persistence/detector-version.repository';
import { DetectorQueries } from './queries/detector-queries';

@Module({
  imports: [AppealsModule],
  providers: [JudgeDetectorsUseCase, DetectorVersionRepository, DetectorQueries],
  exports: [JudgeDetectorsUseCase, DetectorQueries],
})
export class DetectorsModule {}

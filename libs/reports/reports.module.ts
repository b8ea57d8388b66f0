import { Module } from '@nestjs/common';
import { BuildTransparencyReportUseCase } from './application/build-transparency-report.use-case';
import { ExportPersonalDataUseCase } from './application/export-personal-data.use-case';
import { PersonalDataQueries } from './queries/personal-data-queries';
import { StatementOfReasonsQueries } from './queries/statement-of-reasons-queries';
import { TransparencyQueries } from './queries/transparency-queries';

/** Read-only: transparency report, personal data export, DSA statements of reasons. */
@Module({
  providers: [
    TransparencyQueries,
    PersonalDataQueries,
    StatementOfReasonsQueries,
    BuildTransparencyReportUseCase,
    ExportPersonalDataUseCase,
  ],
  exports: [BuildTransparencyReportUseCase, ExportPersonalDataUseCase, StatementOfReasonsQueries],
})
export class ReportsModule {}

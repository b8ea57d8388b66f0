import { Module, type OnModuleInit } from '@nestjs/common';
import { StatementPublisherSlot, SuspensionsModule } from '@redress/suspensions';
import { BuildTransparencyReportUseCase } from './application/build-transparency-report.use-case';
import { ExportPersonalDataUseCase } from './application/export-personal-data.use-case';
import { RetryDsaSubmissionUseCase } from './application/retry-dsa-submission.use-case';
import { StatementPublication } from './application/statement-publication';
import { SubmitStatementsUseCase } from './application/submit-statements.use-case';
import { DsaSubmissionRepository } from './persistence/dsa-submission.repository';
import { DsaSubmissionQueries } from './queries/dsa-submission-queries';
import { TdbClient } from './submission/tdb-client';
import { DsaStatementRepository } from './persistence/dsa-statement.repository';
import { PersonalDataQueries } from './queries/personal-data-queries';
import { StatementOfReasonsQueries } from './queries/statement-of-reasons-queries';
import { TransparencyQueries } from './queries/transparency-queries';

/**
 * Transparency report, personal data export, DSA statements of reasons. Reports build on suspensions,
 * so when the app starts this module plugs the statement publisher into the suspensions' slot.
 */
@Module({
  imports: [SuspensionsModule],
  providers: [
    StatementPublication,
    DsaStatementRepository,
    DsaSubmissionRepository,
    DsaSubmissionQueries,
    TdbClient,
    SubmitStatementsUseCase,
    RetryDsaSubmissionUseCase,
    TransparencyQueries,
    PersonalDataQueries,
    StatementOfReasonsQueries,
    BuildTransparencyReportUseCase,
    ExportPersonalDataUseCase,
  ],
  exports: [
    BuildTransparencyReportUseCase,
    ExportPersonalDataUseCase,
    StatementOfReasonsQueries,
    DsaSubmissionQueries,
    SubmitStatementsUseCase,
    RetryDsaSubmissionUseCase,
  ],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    private readonly slot: StatementPublisherSlot,
    private readonly publication: StatementPublication,
  ) {}

  onModuleInit(): void {
    this.slot.plug(this.publication);
  }
}

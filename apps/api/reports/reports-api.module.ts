import { Module } from '@nestjs/common';
import { ReportsModule } from '@redress/reports';
import { SuspensionsModule } from '@redress/suspensions';
import { PersonalDataExportController } from './personal-data-export.controller';
import { StatementOfReasonsController } from './statement-of-reasons.controller';
import { TransparencyReportController } from './transparency-report.controller';

/** Read-only reporting routes: transparency report, personal data export, DSA statements. */
@Module({
  imports: [ReportsModule, SuspensionsModule],
  controllers: [TransparencyReportController, StatementOfReasonsController, PersonalDataExportController],
})
export class ReportsApiModule {}

import { Module } from '@nestjs/common';
import { ReportsModule } from '@redress/reports';
import { SuspensionsModule } from '@redress/suspensions';
import { DsaController } from '../dsa/dsa.controller';
import { PersonalDataExportController } from './personal-data-export.controller';
import { StatementOfReasonsController } from './statement-of-reasons.controller';
import { TransparencyReportController } from './transparency-report.controller';

/** Reporting routes: transparency report, personal data export, DSA statements and their submission. */
@Module({
  imports: [ReportsModule, SuspensionsModule],
  controllers: [
    TransparencyReportController,
    StatementOfReasonsController,
    PersonalDataExportController,
    DsaController,
  ],
})
export class ReportsApiModule {}

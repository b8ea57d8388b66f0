import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECISION_OUTCOMES, type BulkJob, type DecisionOutcome } from '@redress/appeals';
import { TrimmedText } from '@redress/http';
import { UNVERSIONED, type Wave } from '@redress/suspensions';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class CreateWaveRequest {
  @ApiProperty({ example: 'Distillation sweep 2026-11' }) @TrimmedText(1, 200) name: string;
  @ApiProperty({ example: 'distill-detector', description: 'The detector’s name' })
  @TrimmedText(1, 200)
  detector: string;
  @ApiPropertyOptional({
    example: 'v3',
    maxLength: 100,
    description: `The detector’s version; suspensions of the wave that name no detector count under it (default "${UNVERSIONED}")`,
  })
  @IsOptional()
  @TrimmedText(1, 100)
  detectorVersion?: string;
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @TrimmedText(0, 5000)
  description?: string;
}

export class RefundsPaidRow {
  @ApiProperty() currency: string;
  @ApiProperty() count: number;
  @ApiProperty() amountMinor: number;
}

export class WaveStatisticsResponse {
  @ApiProperty() suspensions: number;
  @ApiProperty() appealsFiled: number;
  @ApiProperty() appealsOpen: number;
  @ApiProperty({
    description:
      'Active suspensions of the wave nobody appealed: what a bulk decision with `includeUnappealed` lifts',
  })
  unappealedActive: number;
  @ApiProperty() appealsDecided: number;
  @ApiProperty() overturned: number;
  @ApiProperty({ description: 'overturned / decided (0–1); 0 before any decision' }) overturnRate: number;
  @ApiProperty({ type: [RefundsPaidRow] }) refundsPaid: RefundsPaidRow[];
}

export class WaveResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() detector: string;
  @ApiProperty({ example: 'v3' }) detectorVersion: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: WaveStatisticsResponse }) statistics: WaveStatisticsResponse;
  @ApiProperty({
    description: 'Overturn rate ≥ 30 % with ≥ 10 decided appeals: the detector is probably wrong',
  })
  flagged: boolean;
}

export const toWaveResponse = (w: Wave): WaveResponse => ({ ...w, createdAt: w.createdAt.toISOString() });

export class BulkDecisionRequest {
  @ApiProperty({ enum: DECISION_OUTCOMES }) @IsIn(DECISION_OUTCOMES) outcome: DecisionOutcome;
  @ApiProperty({ minLength: 20, maxLength: 10000 }) @TrimmedText(20, 10000) rationale: string;
  @ApiProperty({
    description:
      'Also lift, proactively, the wave’s active suspensions nobody appealed (overturned/modified only)',
  })
  @IsBoolean()
  includeUnappealed: boolean;
}

export class JobAccepted {
  @ApiProperty({ format: 'uuid' }) jobId: string;
}

export class JobResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'wave_bulk_decision' }) kind: string;
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) state: string;
  @ApiProperty({ description: 'Items handled successfully' }) processed: number;
  @ApiProperty({ description: 'Items when the job was requested' }) total: number;
  @ApiProperty({ description: 'Items that could not be handled (recorded, skipped)' }) failed: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export const toJobResponse = (j: BulkJob): JobResponse => ({
  ...j,
  createdAt: j.createdAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

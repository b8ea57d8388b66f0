import { bigintToNumber } from '@redress/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Locale, ReasonCode, SuspensionStatus } from '../domain/suspension';

@Entity('suspensions')
export class SuspensionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'account_id', type: 'text' }) accountId: string;
  @Column({ type: 'text' }) source: string;
  @Column({ name: 'external_ref', type: 'text' }) externalRef: string;
  @Column({ type: 'text' }) status: SuspensionStatus;
  @Column({ name: 'reason_code', type: 'text' }) reasonCode: ReasonCode;
  @Column({ name: 'policy_clause', type: 'text' }) policyClause: string;
  @Column({ name: 'statement_of_reasons', type: 'text' }) statementOfReasons: string;
  @Column({ name: 'automated_detection', type: 'boolean' }) automatedDetection: boolean;
  @Column({ name: 'automated_decision', type: 'boolean' }) automatedDecision: boolean;
  @Column({ type: 'jsonb' }) signals: Record<string, unknown>;
  @Column({ name: 'wave_id', type: 'uuid', nullable: true }) waveId: string | null;
  @Column({ name: 'frozen_amount_minor', type: 'bigint', transformer: bigintToNumber })
  frozenAmountMinor: number;
  @Column({ name: 'released_amount_minor', type: 'bigint', transformer: bigintToNumber })
  releasedAmountMinor: number;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ name: 'account_email', type: 'text' }) accountEmail: string;
  @Column({ type: 'text' }) locale: Locale;
  @Column({ name: 'account_created_at', type: 'timestamptz', nullable: true }) accountCreatedAt: Date | null;
  @Column({ name: 'suspended_at', type: 'timestamptz' }) suspendedAt: Date;
  @Column({ name: 'notice_sent_at', type: 'timestamptz', nullable: true }) noticeSentAt: Date | null;
  @Column({ name: 'appeal_deadline', type: 'timestamptz' }) appealDeadline: Date;
  @Column({ name: 'lifted_at', type: 'timestamptz', nullable: true }) liftedAt: Date | null;
  @Column({ name: 'lift_reason', type: 'text', nullable: true }) liftReason: string | null;
  @Column({ name: 'payload_hash', type: 'char', length: 64 }) payloadHash: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'integer' }) version: number;
}

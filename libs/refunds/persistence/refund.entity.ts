import { bigintToNumber } from '@redress/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RefundStatus } from '../domain/refund-status';

@Entity('refunds')
export class RefundEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'suspension_id', type: 'uuid' }) suspensionId: string;
  @Column({ name: 'appeal_id', type: 'uuid', nullable: true }) appealId: string | null;
  @Column({ name: 'account_id', type: 'text' }) accountId: string;
  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintToNumber }) amountMinor: number;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'text' }) status: RefundStatus;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'proposed_by', type: 'text' }) proposedBy: string;
  @Column({ name: 'approved_by', type: 'text', nullable: true }) approvedBy: string | null;
  @Column({ name: 'rejected_by', type: 'text', nullable: true }) rejectedBy: string | null;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  @Column({ name: 'provider_ref', type: 'text', nullable: true }) providerRef: string | null;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}

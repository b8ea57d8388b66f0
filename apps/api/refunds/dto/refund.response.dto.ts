import { ApiProperty } from '@nestjs/swagger';
import { REFUND_STATUSES, type Refund } from '@redress/refunds';
import { MoneyDto, toMoneyDto } from '../../common/money.dto';
import { publicView, staffView } from '../../common/views';

/** What both views of a refund show. */
class RefundFields {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) suspensionId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) appealId: string | null;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
  @ApiProperty({ enum: REFUND_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'The payment’s reference once paid' })
  providerRef: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) paidAt: string | null;
  @ApiProperty() version: number;
}

/** What the account holder sees of a refund: the money and its progress, not who handled it. */
export class RefundPublicResponse extends RefundFields {
  @ApiProperty(publicView) view: 'public';
}

export class RefundStaffResponse extends RefundFields {
  @ApiProperty(staffView) view: 'staff';
  @ApiProperty() accountId: string;
  @ApiProperty() reason: string;
  @ApiProperty() proposedBy: string;
  @ApiProperty({ nullable: true, type: String }) approvedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectionReason: string | null;
  @ApiProperty({ nullable: true, type: String }) failureReason: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toPublicRefund(r: Refund): RefundPublicResponse {
  return {
    view: 'public',
    id: r.id,
    suspensionId: r.suspensionId,
    appealId: r.appealId,
    amount: toMoneyDto(r.amount),
    status: r.status,
    providerRef: r.providerRef,
    createdAt: r.createdAt.toISOString(),
    approvedAt: iso(r.approvedAt),
    paidAt: iso(r.paidAt),
    version: r.version,
  };
}

export function toStaffRefund(r: Refund): RefundStaffResponse {
  return {
    ...toPublicRefund(r),
    view: 'staff',
    accountId: r.accountId,
    reason: r.reason,
    proposedBy: r.proposedBy,
    approvedBy: r.approvedBy,
    rejectedBy: r.rejectedBy,
    rejectionReason: r.rejectionReason,
    failureReason: r.failureReason,
    updatedAt: r.updatedAt.toISOString(),
  };
}

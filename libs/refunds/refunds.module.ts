import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { REFUND_PROPOSER } from '@redress/appeals';
import { AppConfig } from '@redress/config';
import { SuspensionsModule } from '@redress/suspensions';
import { ApproveRefundUseCase } from './application/approve-refund.use-case';
import { MarkRefundPaidUseCase } from './application/mark-refund-paid.use-case';
import { PayOutRefundUseCase } from './application/pay-out-refund.use-case';
import { ProposeRefundUseCase } from './application/propose-refund.use-case';
import { RefundChanges } from './application/refund-changes';
import { RejectRefundUseCase } from './application/reject-refund.use-case';
import { RetryRefundUseCase } from './application/retry-refund.use-case';
import { payoutProviderFor } from './payouts/payout-provider.factory';
import { PayoutProvider } from './payouts/payout-provider';
import { RefundEntity } from './persistence/refund.entity';
import { RefundRepository } from './persistence/refund.repository';
import { ReconciliationQueries } from './queries/reconciliation-queries';
import { RefundQueries } from './queries/refund-queries';

const USE_CASES = [
  ProposeRefundUseCase,
  ApproveRefundUseCase,
  RejectRefundUseCase,
  MarkRefundPaidUseCase,
  RetryRefundUseCase,
  PayOutRefundUseCase,
];

/**
 * Global only for REFUND_PROPOSER: appeal decisions propose refunds through that port, and the appeals
 * lib cannot import this module (refunds build on appeals, not the other way round).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RefundEntity]), SuspensionsModule],
  providers: [
    ...USE_CASES,
    RefundChanges,
    RefundRepository,
    RefundQueries,
    ReconciliationQueries,
    { provide: PayoutProvider, inject: [AppConfig], useFactory: payoutProviderFor },
    { provide: REFUND_PROPOSER, useExisting: ProposeRefundUseCase },
  ],
  exports: [...USE_CASES, RefundQueries, ReconciliationQueries, PayoutProvider, REFUND_PROPOSER],
})
export class RefundsModule {}

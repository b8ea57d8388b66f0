import { Global, Module } from '@nestjs/common';
import { AppealsModule, REFUND_PROPOSER } from '@redress/appeals';
import { AppConfig } from '@redress/config';
import { REFUND_CLAIMS, SuspensionsModule } from '@redress/suspensions';
import { ApproveRefundUseCase } from './application/approve-refund.use-case';
import { MarkRefundPaidUseCase } from './application/mark-refund-paid.use-case';
import { PayOutRefundUseCase } from './application/pay-out-refund.use-case';
import { ProposeRefundUseCase } from './application/propose-refund.use-case';
import { RefundChanges } from './application/refund-changes';
import { RejectRefundUseCase } from './application/reject-refund.use-case';
import { RetryRefundUseCase } from './application/retry-refund.use-case';
import { payoutProviderFor } from './payouts/payout-provider.factory';
import { PayoutProvider } from './payouts/payout-provider';
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
 * Global only for its ports, REFUND_PROPOSER (appeal decisions propose refunds) and REFUND_CLAIMS (a
 * lift leaves claimed money frozen): refunds build on appeals and suspensions, which cannot import this.
 */
@Global()
@Module({
  imports: [AppealsModule, SuspensionsModule],
  providers: [
    ...USE_CASES,
    RefundChanges,
    RefundRepository,
    RefundQueries,
    ReconciliationQueries,
    { provide: PayoutProvider, inject: [AppConfig], useFactory: payoutProviderFor },
    { provide: REFUND_PROPOSER, useExisting: ProposeRefundUseCase },
    { provide: REFUND_CLAIMS, useExisting: RefundRepository },
  ],
  exports: [
    ...USE_CASES,
    RefundQueries,
    ReconciliationQueries,
    PayoutProvider,
    REFUND_PROPOSER,
    REFUND_CLAIMS,
  ],
})
export class RefundsModule {}

import { Module, type OnModuleInit } from '@nestjs/common';
import { AppealsModule, RefundProposerSlot } from '@redress/appeals';
import { AppConfig } from '@redress/config';
import { RefundClaimsSlot, SuspensionsModule } from '@redress/suspensions';
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
 * Not global: refunds build on appeals and suspensions, which cannot import this module, so when the app
 * starts it plugs its implementations into the slots of their ports, REFUND_PROPOSER (appeal decisions
 * propose refunds) and REFUND_CLAIMS (a lift leaves claimed money frozen).
 */
@Module({
  imports: [AppealsModule, SuspensionsModule],
  providers: [
    ...USE_CASES,
    RefundChanges,
    RefundRepository,
    RefundQueries,
    ReconciliationQueries,
    { provide: PayoutProvider, inject: [AppConfig], useFactory: payoutProviderFor },
  ],
  exports: [...USE_CASES, RefundQueries, ReconciliationQueries, PayoutProvider],
})
export class RefundsModule implements OnModuleInit {
  constructor(
    private readonly proposerSlot: RefundProposerSlot,
    private readonly claimsSlot: RefundClaimsSlot,
    private readonly proposer: ProposeRefundUseCase,
    private readonly refunds: RefundRepository,
  ) {}

  onModuleInit(): void {
    this.proposerSlot.plug(this.proposer);
    this.claimsSlot.plug(this.refunds);
  }
}

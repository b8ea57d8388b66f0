import { Injectable } from '@nestjs/common';
import { AppealQueries, type Appeal } from '@redress/appeals';
import { DomainError } from '@redress/kernel';
import { RefundQueries, type Refund } from '@redress/refunds';
import { SuspensionQueries, WaveQueries, type Suspension, type Wave } from '@redress/suspensions';

/** How many of each kind of record the account context holds, newest first. */
export const ACCOUNT_SECTION_LIMIT = 50;

export type AccountSection = 'suspensions' | 'appeals' | 'refunds';

/** An account's history as a reviewer reads it beside a case. */
export interface AccountContext {
  accountId: string;
  suspensions: Suspension[];
  appeals: Appeal[];
  refunds: Refund[];
  /** the waves its suspensions belong to, newest first */
  waves: Wave[];
  /** the sections that had more than ACCOUNT_SECTION_LIMIT records */
  truncated: AccountSection[];
}

/** `GET /v1/accounts/:accountId`: the account's suspensions, appeals, refunds and waves. */
@Injectable()
export class ReadAccountUseCase {
  constructor(
    private readonly suspensions: SuspensionQueries,
    private readonly appeals: AppealQueries,
    private readonly refunds: RefundQueries,
    private readonly waves: WaveQueries,
  ) {}

  async execute(accountId: string): Promise<AccountContext> {
    const [suspensions, appeals, refunds] = await Promise.all([
      this.suspensions.listForAccount(accountId, ACCOUNT_SECTION_LIMIT),
      this.appeals.listForAccount(accountId, ACCOUNT_SECTION_LIMIT),
      this.refunds.list({ accountId }, ACCOUNT_SECTION_LIMIT),
    ]);
    // An account Redress knows has at least one suspension: everything else hangs off one.
    if (suspensions.data.length === 0) throw DomainError.notFound('Account');
    const waveIds = [...new Set(suspensions.data.flatMap((s) => (s.waveId ? [s.waveId] : [])))];
    const waves = (await Promise.all(waveIds.map((id) => this.waves.get(id))))
      .filter((w): w is Wave => w !== null)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const pages = { suspensions, appeals, refunds };
    return {
      accountId,
      suspensions: suspensions.data,
      appeals: appeals.data,
      refunds: refunds.data,
      waves,
      truncated: (Object.keys(pages) as AccountSection[]).filter((k) => pages[k].nextCursor !== null),
    };
  }
}

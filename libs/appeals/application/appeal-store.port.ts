import type { Tx } from '@redress/database';
import type { AppealOrigin } from '../domain/appeal';
import type { AppealStatus } from '../domain/appeal-state-machine';

/** Who an appeal belongs to and where it stands: what evidence decides its rules by. */
export interface AppealOwnership {
  id: string;
  accountId: string;
  origin: AppealOrigin;
  status: AppealStatus;
}

/**
 * What a lib built on appeals (refunds, evidence) does with an appeal inside its own transaction. AppealsModule
 * provides it (the repository); the rest of the persistence stays inside this lib.
 */
export abstract class AppealStore {
  /**
   * The suspension an appeal is about, or null when there is no such appeal, keeping the appeal row
   * under a KEY SHARE lock (taken before the suspension's, docs/concurrency.md).
   */
  abstract keyShareSuspensionId(tx: Tx, appealId: string): Promise<string | null>;

  abstract findOwnership(reader: Tx, appealId: string): Promise<AppealOwnership | null>;

  /**
   * The same, the appeal row locked for the rest of the transaction: uploads to one appeal count their
   * slots one at a time, and the appeal cannot be decided or withdrawn half-way through an upload's commit.
   */
  abstract lockOwnership(tx: Tx, appealId: string): Promise<AppealOwnership>;
}

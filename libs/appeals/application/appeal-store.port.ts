import type { Tx } from '@redress/database';

/**
 * What a lib built on appeals (refunds) does with an appeal inside its own transaction. AppealsModule
 * provides it (the repository); the rest of the persistence stays inside this lib.
 */
export abstract class AppealStore {
  /**
   * The suspension an appeal is about, or null when there is no such appeal, keeping the appeal row
   * under a KEY SHARE lock (taken before the suspension's, docs/concurrency.md).
   */
  abstract keyShareSuspensionId(tx: Tx, appealId: string): Promise<string | null>;
}

import type { Tx } from '@redress/database';
import type { Suspension } from '../domain/suspension';
import { prefixedRowToSuspension, suspensionColumns } from '../persistence/suspension-row';

/** The lifecycle fields another lib may change (appeals lift and uphold, refunds release). */
export type SuspensionChanges = Partial<
  Pick<Suspension, 'status' | 'liftedAt' | 'liftReason' | 'noticeSentAt'> & { releasedAmountMinor: number }
>;

/**
 * What the libs built on suspensions (appeals, refunds, notifications) do with a suspension inside their
 * own transaction: read it, lock it, change its lifecycle fields, stamp its notice in a shared statement.
 * SuspensionsModule provides it (the repository); the rest of the persistence stays inside this lib.
 */
export abstract class SuspensionStore {
  abstract find(tx: Tx, id: string): Promise<Suspension | null>;

  /** Locks the row for the rest of the transaction (status changes, balance arithmetic). */
  abstract lock(tx: Tx, id: string): Promise<Suspension>;

  /** Applies the changes and answers the row as it now is (still locked by the caller). */
  abstract update(tx: Tx, id: string, changes: SuspensionChanges): Promise<Suspension>;

  /** The notices of `ids` stamped as sent, as a CTE of the notice dispatcher's single statement. */
  abstract noticesSentPart(ids: string[]): { name: string; sql: (param: string) => string; value: string[] };

  /**
   * A read of another table joined with `suspensions s`: the suspension's columns, each name prefixed
   * so it stays apart from the other table's, and the suspension read back from such a row.
   */
  static joinedColumns(prefix: string): string {
    return suspensionColumns(prefix);
  }

  static fromJoinedRow(row: Record<string, unknown>, prefix: string): Suspension {
    return prefixedRowToSuspension(row, prefix);
  }
}

/** What appeals do with a wave in their transaction: a bulk decision keeps the wave it names from going away. */
export abstract class WaveStore {
  /** Whether the wave exists, keeping it so (FOR SHARE) until the transaction ends. */
  abstract lockShared(tx: Tx, id: string): Promise<boolean>;
}

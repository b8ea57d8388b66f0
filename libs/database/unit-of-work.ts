import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { pgErrorCode } from './pg-errors';
import { withTransactionRetry } from './transaction-retry';

export type Tx = EntityManager;

/** What each running transaction of UnitOfWork.run does once it has committed. */
const onCommit = new WeakMap<Tx, (() => void)[]>();

/**
 * Runs `effect` once `tx` has committed (at once outside UnitOfWork.run), and never if it rolls back
 * or is retried: for effects that must count only what happened, like a metric.
 */
export function afterCommit(tx: Tx, effect: () => void): void {
  const effects = onCommit.get(tx);
  if (effects) effects.push(effect);
  else effect();
}

/**
 * Runs a use-case's writes in one transaction; every multi-row change goes through here. Use-cases
 * take their row locks in the order docs/concurrency.md gives, and a deadlock or serialization failure
 * that still happens runs `work` again from the start, so `work` does nothing outside the transaction.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const attempt = async () => {
      const effects: (() => void)[] = [];
      const result = await this.dataSource.transaction((tx) => {
        onCommit.set(tx, effects);
        return work(tx);
      });
      for (const effect of effects) effect();
      return result;
    };
    return withTransactionRetry(attempt, undefined, {
      // each one is a lock-order question worth asking, even though the retry answered the request
      onRetry: (error, attempt) =>
        this.logger.warn(
          { code: pgErrorCode(error), attempt },
          'transaction rolled back by a conflict; running it again',
        ),
    });
  }

  /** For reads that need no transaction. */
  get reader(): EntityManager {
    return this.dataSource.manager;
  }
}

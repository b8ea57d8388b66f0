import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs several reads against one consistent snapshot (REPEATABLE READ, READ ONLY), so that figures
 * assembled from separate statements agree with each other even while appeals are being decided —
 * e.g. the per-wave decided counts never exceed the total decided.
 */
@Injectable()
export class ReadSnapshot {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (db: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (db) => {
      await db.query('SET TRANSACTION READ ONLY');
      return work(db);
    });
  }
}

import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { Metrics } from '@redress/observability';
import { Counter, Gauge } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { isDatabaseUnavailable } from './pg-errors';
import { WalLag } from './wal-lag';

/** How often the primary's WAL position and the replica's replay position are compared. */
const POLL_MS = 500;
/** Connections to the replica per process: it serves the read-only endpoints only. */
const REPLICA_POOL_SIZE = 10;
const LSN_BYTES = (fn: string) => `SELECT pg_wal_lsn_diff(${fn}, '0/0')::text AS lsn`;

/**
 * Where the read-only endpoints read: the replica at DATABASE_REPLICA_URL while it answers and trails
 * the primary by at most DATABASE_REPLICA_MAX_LAG_MS (by WAL position), else the primary. A read the
 * replica fails (it went down, or recovery cancelled it) runs again on the primary, so a replica's
 * trouble never reaches a caller. Writes, and reads that decide a write, never come here.
 */
@Injectable()
export class ReplicaReads implements OnApplicationShutdown {
  private readonly logger = new Logger(ReplicaReads.name);
  private readonly replica: DataSource | null;
  private readonly lag: WalLag;
  private usable = false;
  private poller?: NodeJS.Timeout;
  private readonly reads: Counter<'target'>;
  private readonly lagGauge: Gauge;
  private readonly upGauge: Gauge;

  constructor(
    private readonly primary: DataSource,
    private readonly config: AppConfig,
    metrics: Metrics,
  ) {
    const url = config.env.DATABASE_REPLICA_URL;
    this.replica = url
      ? new DataSource(dataSourceOptions(config, { url, poolSize: REPLICA_POOL_SIZE, migrations: [] }))
      : null;
    this.lag = new WalLag(Math.max(config.env.DATABASE_REPLICA_MAX_LAG_MS * 2, 10_000));
    this.reads = new Counter({
      name: 'redress_db_routed_reads_total',
      help: 'Reads of the read-only endpoints by where they ran: the replica, or the primary (no replica, or it is down or lagging)',
      labelNames: ['target'],
      registers: [metrics.registry],
    });
    this.lagGauge = new Gauge({
      name: 'redress_db_replica_lag_seconds',
      help: 'How far the replica trails the primary by WAL position (-1 while it cannot be reached)',
      registers: [metrics.registry],
    });
    this.upGauge = new Gauge({
      name: 'redress_db_replica_in_use',
      help: '1 while reads go to the replica, 0 while they fall back to the primary',
      registers: [metrics.registry],
    });
  }

  /** Runs one read-only statement where reads go now. */
  query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    return this.read((db) => db.query(sql, params));
  }

  /** Several reads against one consistent snapshot (REPEATABLE READ, READ ONLY), where reads go now. */
  snapshot<T>(work: (db: EntityManager) => Promise<T>): Promise<T> {
    return this.read((db) =>
      db.transaction('REPEATABLE READ', async (tx) => {
        await tx.query('SET TRANSACTION READ ONLY');
        return work(tx);
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.poller);
    if (this.replica?.isInitialized) await this.replica.destroy().catch(() => undefined);
  }

  private async read<T>(work: (db: EntityManager) => Promise<T>): Promise<T> {
    this.startPolling();
    if (this.replica && this.usable) {
      try {
        const result = await work(this.replica.manager);
        this.reads.inc({ target: 'replica' });
        return result;
      } catch (error) {
        if (isDatabaseUnavailable(error)) this.setUsable(false, -1);
        this.logger.warn({ err: (error as Error).message }, 'replica read failed; reading from the primary');
      }
    }
    const result = await work(this.primary.manager);
    this.reads.inc({ target: 'primary' });
    return result;
  }

  /** Polling starts with the first read: a process that serves no reads (the worker) never polls. */
  private startPolling(): void {
    if (!this.replica || this.poller) return;
    this.poller = setInterval(() => void this.poll(), POLL_MS).unref();
    void this.poll();
  }

  private async poll(): Promise<void> {
    const replica = this.replica!;
    try {
      const [{ lsn: primaryLsn }] = await this.primary.query(LSN_BYTES('pg_current_wal_lsn()'));
      this.lag.primaryAt(Date.now(), Number(primaryLsn));
      if (!replica.isInitialized) await replica.initialize();
      const [{ lsn: replayed }] = await replica.query(LSN_BYTES('pg_last_wal_replay_lsn()'));
      // a replica promoted to primary (or a primary given as replica) replays nothing: its own LSN counts
      const replayedLsn = replayed ?? (await replica.query(LSN_BYTES('pg_current_wal_lsn()')))[0].lsn;
      const lagMs = this.lag.lagMs(Date.now(), Number(replayedLsn));
      this.setUsable(
        lagMs <= this.config.env.DATABASE_REPLICA_MAX_LAG_MS,
        Number.isFinite(lagMs) ? lagMs / 1000 : -1,
      );
    } catch {
      this.setUsable(false, -1);
    }
  }

  private setUsable(usable: boolean, lagSeconds: number): void {
    if (usable !== this.usable)
      this.logger.log({ lagSeconds }, usable ? 'reads go to the replica' : 'reads fall back to the primary');
    this.usable = usable;
    this.upGauge.set(usable ? 1 : 0);
    this.lagGauge.set(lagSeconds);
  }
}

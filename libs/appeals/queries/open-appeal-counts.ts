import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OPEN_APPEAL_STATUSES } from '../domain/appeal-state-machine';

export interface OpenAppealCount {
  status: string;
  level: number;
  count: number;
}

/** Up to this many open appeals (the planner's estimate) they are counted; beyond, estimated. */
export const EXACT_COUNT_LIMIT = 50_000;

const LEVELS = [1, 2];
const OPEN = OPEN_APPEAL_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * Open appeals by status and level, for the metrics. Counting a million open appeals reads the whole
 * heap (levels are in no index), so past EXACT_COUNT_LIMIT each count is the planner's estimate from
 * the table's statistics (appeals_status_level, migration 13): planning only, no row read.
 */
@Injectable()
export class OpenAppealCounts {
  constructor(private readonly dataSource: DataSource) {}

  async read(): Promise<OpenAppealCount[]> {
    const open = await this.estimate(`status IN (${OPEN})`);
    if (open > EXACT_COUNT_LIMIT) return this.estimated();
    const rows: OpenAppealCount[] = await this.dataSource.query(
      `SELECT status, level::int AS level, count(*)::int AS count FROM appeals
        WHERE status IN (${OPEN}) GROUP BY status, level`,
    );
    return OPEN_APPEAL_STATUSES.flatMap((status) =>
      LEVELS.map((level) => ({
        status,
        level,
        count: rows.find((r) => r.status === status && r.level === level)?.count ?? 0,
      })),
    );
  }

  private async estimated(): Promise<OpenAppealCount[]> {
    return Promise.all(
      OPEN_APPEAL_STATUSES.flatMap((status) =>
        LEVELS.map(async (level) => ({
          status,
          level,
          count: await this.estimate(`status = '${status}' AND level = ${level}`),
        })),
      ),
    );
  }

  /** The rows the planner expects `where` (built from constants only) to match. */
  private async estimate(where: string): Promise<number> {
    const [row]: { 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[] = await this.dataSource.query(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM appeals WHERE ${where}`,
    );
    return Math.round(row['QUERY PLAN'][0].Plan['Plan Rows']);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface BulkJob {
  id: string;
  kind: string;
  waveId: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  total: number;
  processed: number;
  failed: number;
  createdAt: Date;
  finishedAt: Date | null;
}

interface BulkJobRow {
  id: string;
  kind: string;
  wave_id: string;
  state: BulkJob['state'];
  total: number;
  processed: number;
  failed: number;
  created_at: Date;
  finished_at: Date | null;
}

/** A wave-wide decision's progress, as GET /v1/jobs/{id} shows it. */
@Injectable()
export class BulkJobQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string): Promise<BulkJob | null> {
    const [r]: BulkJobRow[] = await this.dataSource.query(
      `SELECT id, kind, wave_id, state, total, processed, failed, created_at, finished_at FROM bulk_jobs WHERE id = $1`,
      [id],
    );
    return r
      ? {
          id: r.id,
          kind: r.kind,
          waveId: r.wave_id,
          state: r.state,
          total: r.total,
          processed: r.processed,
          failed: r.failed,
          createdAt: r.created_at,
          finishedAt: r.finished_at,
        }
      : null;
  }
}

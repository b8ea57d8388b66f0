import { Injectable } from '@nestjs/common';
import { ReplicaReads } from '@redress/database';
import { decodeCursor, toPage, type Page } from '@redress/kernel';
import { DataSource } from 'typeorm';
import { waveDetector, type Wave } from '../domain/wave';

interface WaveRow {
  id: string;
  name: string;
  detector: string;
  detector_version: string | null;
  description: string | null;
  created_by: string;
  created_at: Date;
  suspensions: number;
  appeals_filed: number;
  appeals_open: number;
  unappealed_active: number;
  appeals_decided: number;
  appeals_overturned: number;
  flagged: boolean;
  refunds_paid: { currency: string; count: number; amountMinor: number }[];
}

/**
 * Waves with their counters (wave_stats, kept by triggers): one indexed read, whatever the wave's size.
 * The active suspensions nobody appealed are counted on read, over the wave's active ones
 * (suspensions_wave_active) — a count the bulk decision form shows before lifting them.
 */
const SELECT_WAVES = `
  SELECT w.id, w.name, w.detector, w.detector_version, w.description, w.created_by, w.created_at,
         s.suspensions, s.appeals_filed, s.appeals_open, s.appeals_decided, s.appeals_overturned, s.flagged,
         (SELECT count(*)::int FROM suspensions x
           WHERE x.wave_id = w.id AND x.status = 'active'
             AND NOT EXISTS (SELECT 1 FROM appeals ap WHERE ap.suspension_id = x.id)) AS unappealed_active,
         coalesce((SELECT json_agg(json_build_object('currency', r.currency, 'count', r.paid_count, 'amountMinor', r.paid_minor) ORDER BY r.currency)
                     FROM wave_refunds_paid r WHERE r.wave_id = w.id), '[]'::json) AS refunds_paid
    FROM waves w JOIN wave_stats s ON s.wave_id = w.id`;

@Injectable()
export class WaveQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReplicaReads,
  ) {}

  async get(id: string): Promise<Wave | null> {
    const rows: WaveRow[] = await this.dataSource.query(`${SELECT_WAVES} WHERE w.id = $1`, [id]);
    return rows[0] ? toWave(rows[0]) : null;
  }

  /** Newest first. */
  async list(limit: number, cursor?: string): Promise<Page<Wave>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [limit + 1];
    const rows: WaveRow[] = await this.reads.query(
      `${SELECT_WAVES} ${after ? `WHERE (w.created_at, w.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)` : ''}
        ORDER BY w.created_at DESC, w.id DESC LIMIT $1`,
      params,
    );
    return toPage(rows, limit, toWave, (r) => [r.created_at.toISOString(), r.id]);
  }
}

function toWave(r: WaveRow): Wave {
  return {
    id: r.id,
    name: r.name,
    detector: r.detector,
    detectorVersion: waveDetector({ detector: r.detector, detectorVersion: r.detector_version }).version,
    description: r.description,
    createdBy: r.created_by,
    createdAt: r.created_at,
    statistics: {
      suspensions: r.suspensions,
      appealsFiled: r.appeals_filed,
      appealsOpen: r.appeals_open,
      unappealedActive: r.unappealed_active,
      appealsDecided: r.appeals_decided,
      overturned: r.appeals_overturned,
      overturnRate:
        r.appeals_decided === 0
          ? 0
          : Math.round((r.appeals_overturned / r.appeals_decided) * 10_000) / 10_000,
      refundsPaid: r.refunds_paid.map((p) => ({
        currency: p.currency,
        count: Number(p.count),
        amountMinor: Number(p.amountMinor),
      })),
    },
    flagged: r.flagged,
  };
}

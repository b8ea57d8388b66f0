import { Injectable } from '@nestjs/common';
import { OPEN_APPEAL_STATUSES } from '@redress/appeals';
import type { Tx } from '@redress/database';
import { decodeCursor, toPage, type DetectorRef, type Page } from '@redress/kernel';
import { DataSource } from 'typeorm';
import type { VersionTally } from '../domain/detector-figures';

/** A version's tally with the breaker's state. */
export interface VersionState extends VersionTally {
  flagged: boolean;
  /** When the breaker last flagged or cleared it. */
  changedAt: Date | null;
}

export interface WeekTally {
  detector: DetectorRef;
  weekStart: Date;
  suspensions: number;
  appealsFiled: number;
  appealsDecided: number;
  appealsOverturned: number;
  samplesDecided: number;
  samplesOverturned: number;
}

export interface DetectorWave {
  id: string;
  name: string;
  version: string;
  suspensions: number;
  flagged: boolean;
}

/** The weeks of suspensions a detector's chart shows, the latest first. */
export const CHART_WEEKS = 26;

const OPEN = `(${OPEN_APPEAL_STATUSES.map((s) => `'${s}'`).join(', ')})`;
/** A decision that lifted the suspension (overturned or modified), the SQL twin of liftsSuspension. */
const WRONG = (a: string) => `${a}.status = 'decided' AND ${a}.decision_outcome <> 'upheld'`;
/**
 * Each suspension with its filed appeal `ap` and its sample case `sc` (at most one of each, by the
 * unique indexes), so the counts below never multiply.
 */
const FROM = `FROM suspensions s
  LEFT JOIN appeals ap ON ap.suspension_id = s.id AND ap.origin = 'appellant'
  LEFT JOIN appeals sc ON sc.suspension_id = s.id AND sc.origin = 'sample'`;
const COUNTS = `count(*)::int AS suspensions,
  count(ap.id)::int AS appeals_filed,
  count(ap.id) FILTER (WHERE ap.status = 'decided')::int AS appeals_decided,
  count(ap.id) FILTER (WHERE ${WRONG('ap')})::int AS appeals_overturned,
  count(sc.id) FILTER (WHERE sc.status = 'decided')::int AS samples_decided,
  count(sc.id) FILTER (WHERE ${WRONG('sc')})::int AS samples_overturned`;

interface TallyRow {
  name: string;
  version: string;
  suspensions: number;
  active: number;
  appeals_filed: number;
  appeals_decided: number;
  appeals_overturned: number;
  samples_opened: number;
  samples_open: number;
  samples_decided: number;
  samples_overturned: number;
  flagged: boolean | null;
  changed_at: Date | null;
}

/** Version tallies matching `where` (over `s`), with the breaker's state, ordered by name and version. */
const TALLIES = (where: string, tail = '') => `
  SELECT t.*, dv.flagged, dv.changed_at FROM (
    SELECT s.detector_name AS name, s.detector_version AS version, ${COUNTS},
           count(*) FILTER (WHERE s.status = 'active')::int AS active,
           count(sc.id)::int AS samples_opened,
           count(sc.id) FILTER (WHERE sc.status IN ${OPEN})::int AS samples_open
      ${FROM}
     WHERE s.detector_name IS NOT NULL AND ${where}
     GROUP BY s.detector_name, s.detector_version
     ORDER BY s.detector_name, s.detector_version ${tail}
  ) t LEFT JOIN detector_versions dv ON dv.name = t.name AND dv.version = t.version
  ORDER BY t.name, t.version`;

const toState = (r: TallyRow): VersionState => ({
  detector: { name: r.name, version: r.version },
  suspensions: r.suspensions,
  active: r.active,
  appealsFiled: r.appeals_filed,
  appealsDecided: r.appeals_decided,
  appealsOverturned: r.appeals_overturned,
  samplesOpened: r.samples_opened,
  samplesOpen: r.samples_open,
  samplesDecided: r.samples_decided,
  samplesOverturned: r.samples_overturned,
  flagged: r.flagged ?? false,
  changedAt: r.changed_at,
});

/** Counts per detector version, read from suspensions and their appeals (docs/detectors.md). */
@Injectable()
export class DetectorQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Every detector version, by name then version, keyset-paged. */
  async list(limit: number, cursor?: string): Promise<Page<VersionState>> {
    const after = decodeCursor(cursor, ['text', 'text']);
    const params: unknown[] = [limit + 1];
    const where = after
      ? `(s.detector_name, s.detector_version) > ($${params.push(after[0])}::text, $${params.push(after[1])}::text)`
      : 'true';
    const rows: TallyRow[] = await this.dataSource.query(TALLIES(where, 'LIMIT $1'), params);
    return toPage(rows, limit, toState, (r) => [r.name, r.version]);
  }

  /** One detector's versions; empty when no suspension names it. */
  async versionsOf(name: string): Promise<VersionState[]> {
    const rows: TallyRow[] = await this.dataSource.query(TALLIES('s.detector_name = $1'), [name]);
    return rows.map(toState);
  }

  /** One version's tally, inside the breaker's transaction. */
  async tally(tx: Tx, detector: DetectorRef): Promise<VersionState | null> {
    const rows: TallyRow[] = await tx.query(TALLIES('s.detector_name = $1 AND s.detector_version = $2'), [
      detector.name,
      detector.version,
    ]);
    return rows[0] ? toState(rows[0]) : null;
  }

  /** The versions with cases decided since `since` (every version without it), for the breaker to judge again. */
  async decidedSince(since: Date | null): Promise<DetectorRef[]> {
    const rows: { name: string; version: string }[] = await this.dataSource.query(
      since
        ? `SELECT DISTINCT s.detector_name AS name, s.detector_version AS version
             FROM appeals a JOIN suspensions s ON s.id = a.suspension_id
            WHERE a.status = 'decided' AND a.decided_at >= $1 AND s.detector_name IS NOT NULL`
        : `SELECT DISTINCT detector_name AS name, detector_version AS version
             FROM suspensions WHERE detector_name IS NOT NULL`,
      since ? [since] : [],
    );
    return rows.map((r) => ({ name: r.name, version: r.version }));
  }

  /** The versions' suspensions per week of suspension, the last CHART_WEEKS weeks that have any. */
  async weeks(detectors: DetectorRef[]): Promise<WeekTally[]> {
    if (detectors.length === 0) return [];
    const rows: (Omit<TallyRow, 'active' | 'samples_opened' | 'samples_open' | 'flagged' | 'changed_at'> & {
      week_start: Date;
    })[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT g.*, row_number() OVER (PARTITION BY g.name, g.version ORDER BY g.week_start DESC) AS n
           FROM (SELECT s.detector_name AS name, s.detector_version AS version,
                        date_trunc('week', s.suspended_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS week_start, ${COUNTS}
                   ${FROM}
                  WHERE (s.detector_name, s.detector_version) IN (SELECT * FROM unnest($1::text[], $2::text[]))
                  GROUP BY 1, 2, 3) g
       ) w WHERE w.n <= ${CHART_WEEKS} ORDER BY name, version, week_start`,
      [detectors.map((d) => d.name), detectors.map((d) => d.version)],
    );
    return rows.map((r) => ({
      detector: { name: r.name, version: r.version },
      weekStart: r.week_start,
      suspensions: r.suspensions,
      appealsFiled: r.appeals_filed,
      appealsDecided: r.appeals_decided,
      appealsOverturned: r.appeals_overturned,
      samplesDecided: r.samples_decided,
      samplesOverturned: r.samples_overturned,
    }));
  }

  /** The waves whose suspensions carry the detector, newest first. */
  async wavesOf(name: string): Promise<DetectorWave[]> {
    return this.dataSource.query(
      `SELECT w.id, w.name, s.detector_version AS version, count(*)::int AS suspensions, ws.flagged
         FROM suspensions s JOIN waves w ON w.id = s.wave_id JOIN wave_stats ws ON ws.wave_id = w.id
        WHERE s.detector_name = $1
        GROUP BY w.id, w.name, w.created_at, s.detector_version, ws.flagged
        ORDER BY w.created_at DESC, w.id, s.detector_version`,
      [name],
    );
  }
}

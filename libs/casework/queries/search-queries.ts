import { Injectable } from '@nestjs/common';
import { decodeCursor, isUuid, toPage, type Page } from '@redress/kernel';
import { ReplicaReads } from '@redress/database';

export const SEARCH_HIT_KINDS = ['appeal', 'suspension', 'account', 'wave'] as const;
export type SearchHitKind = (typeof SEARCH_HIT_KINDS)[number];
export const SEARCH_MATCHES = ['id', 'externalRef', 'accountId', 'name'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

/** One thing a pasted text names, with what the console needs to open it. */
export interface SearchHit {
  kind: SearchHitKind;
  id: string;
  /** what it is called: the appeal's status, the suspension's enforcement reference, the wave's name */
  label: string;
  /** which of its identifiers the text matched */
  matched: SearchMatch;
  accountId: string | null;
  /** the appeal to open for it: the appeal itself, or the suspension's appeal */
  appealId: string | null;
}

interface HitRow {
  kind: SearchHitKind;
  rank: number;
  key: string;
  id: string;
  label: string;
  matched: SearchMatch;
  account_id: string | null;
  appeal_id: string | null;
}

const likePrefix = (text: string) => `${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/**
 * Finds what a reviewer pastes: an appeal, suspension or wave id, an enforcement reference, an account
 * id, or the start of a wave's name. Each kind of match is one indexed lookup; the hits come in that
 * order (rank), then by key, keyset-paged.
 */
@Injectable()
export class SearchQueries {
  constructor(private readonly reads: ReplicaReads) {}

  async search(text: string, limit: number, cursor?: string): Promise<Page<SearchHit>> {
    const after = decodeCursor(cursor, [{ min: 1, max: 6 }, 'text']);
    const params: unknown[] = [text, isUuid(text) ? text.toLowerCase() : null, likePrefix(text)];
    const keyset = after
      ? `WHERE (rank, key) > ($${params.push(after[0])}::int, $${params.push(after[1])}::text)`
      : '';
    const rows: HitRow[] = await this.reads.query(
      `SELECT * FROM (
         SELECT 'appeal' AS kind, 1 AS rank, a.id::text AS key, a.id::text AS id, a.status AS label, 'id' AS matched,
                a.account_id, a.id::text AS appeal_id
           FROM appeals a WHERE a.id = $2::uuid
         UNION ALL
         SELECT 'suspension', 2, s.id::text, s.id::text, s.external_ref, 'id', s.account_id, sa.id::text
           FROM suspensions s LEFT JOIN appeals sa ON sa.suspension_id = s.id AND sa.origin = 'appellant' WHERE s.id = $2::uuid
         UNION ALL
         SELECT 'suspension', 3, s.id::text, s.id::text, s.external_ref, 'externalRef', s.account_id, sa.id::text
           FROM suspensions s LEFT JOIN appeals sa ON sa.suspension_id = s.id AND sa.origin = 'appellant' WHERE s.external_ref = $1
         UNION ALL
         SELECT 'account', 4, $1, $1, $1, 'accountId', $1, NULL
          WHERE EXISTS (SELECT 1 FROM suspensions s WHERE s.account_id = $1)
         UNION ALL
         SELECT 'wave', 5, w.id::text, w.id::text, w.name, 'id', NULL, NULL FROM waves w WHERE w.id = $2::uuid
         UNION ALL
         SELECT 'wave', 6, lower(w.name) || ' ' || w.id, w.id::text, w.name, 'name', NULL, NULL
           FROM waves w WHERE lower(w.name) LIKE $3
       ) hits ${keyset}
       ORDER BY rank, key LIMIT $${params.push(limit + 1)}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (r) => ({
        kind: r.kind,
        id: r.id,
        label: r.label,
        matched: r.matched,
        accountId: r.account_id,
        appealId: r.appeal_id,
      }),
      (r) => [r.rank, r.key],
    );
  }
}

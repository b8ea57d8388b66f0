import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage, type Page } from '@redress/kernel';
import { DataSource } from 'typeorm';
import type { Macro, MacroKind } from '../domain/macro';
import { MACRO_COLUMNS, toMacro, type MacroRow } from '../persistence/macro-row';

export interface MacroFilter {
  kind?: MacroKind;
  /** the macros written for this reason code and those for any */
  reasonCode?: string;
  locale?: string;
}

@Injectable()
export class MacroQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string): Promise<Macro | null> {
    const rows: MacroRow[] = await this.dataSource.query(
      `SELECT ${MACRO_COLUMNS} FROM macros m WHERE m.id = $1`,
      [id],
    );
    return rows[0] ? toMacro(rows[0]) : null;
  }

  /** By name, then id. */
  async list(filter: MacroFilter, limit: number, cursor?: string): Promise<Page<Macro>> {
    const params: unknown[] = [];
    const where = ['true'];
    if (filter.kind) where.push(`m.kind = $${params.push(filter.kind)}`);
    if (filter.reasonCode)
      where.push(`(m.reason_code = $${params.push(filter.reasonCode)} OR m.reason_code IS NULL)`);
    if (filter.locale) where.push(`m.locale = $${params.push(filter.locale)}`);
    const after = decodeCursor(cursor, ['text', 'uuid']);
    if (after) where.push(`(m.name, m.id) > ($${params.push(after[0])}, $${params.push(after[1])}::uuid)`);
    const rows: MacroRow[] = await this.dataSource.query(
      `SELECT ${MACRO_COLUMNS} FROM macros m WHERE ${where.join(' AND ')}
        ORDER BY m.name, m.id LIMIT $${params.push(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, toMacro, (r) => [r.name, r.id]);
  }
}

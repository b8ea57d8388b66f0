import { Injectable } from '@nestjs/common';
import { queryPrepared, type Tx } from '@redress/database';
import { DomainError } from '@redress/kernel';
import type { Macro, MacroFields } from '../domain/macro';
import { MACRO_COLUMNS, toMacro, type MacroRow } from './macro-row';

/** Writes of the macros table; every method works inside the caller's transaction. */
@Injectable()
export class MacroRepository {
  async insert(tx: Tx, id: string, fields: MacroFields, createdBy: string): Promise<Macro> {
    const rows: MacroRow[] = await tx.query(
      `INSERT INTO macros AS m (id, name, kind, outcome, reason_code, locale, body, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${MACRO_COLUMNS}`,
      [
        id,
        fields.name,
        fields.kind,
        fields.outcome,
        fields.reasonCode,
        fields.locale,
        fields.body,
        createdBy,
      ],
    );
    return toMacro(rows[0]);
  }

  /** The macro, locked for a change until the transaction ends; 404 when there is none. */
  async lock(tx: Tx, id: string): Promise<Macro> {
    const rows: MacroRow[] = await tx.query(
      `SELECT ${MACRO_COLUMNS} FROM macros m WHERE m.id = $1 FOR UPDATE`,
      [id],
    );
    if (!rows[0]) throw DomainError.notFound('Macro');
    return toMacro(rows[0]);
  }

  async update(tx: Tx, id: string, fields: MacroFields): Promise<Macro> {
    const rows = await queryPrepared<MacroRow>(
      tx,
      `UPDATE macros m SET name = $2, kind = $3, outcome = $4, reason_code = $5, locale = $6, body = $7,
              updated_at = now(), version = m.version + 1
        WHERE m.id = $1 RETURNING ${MACRO_COLUMNS}`,
      [id, fields.name, fields.kind, fields.outcome, fields.reasonCode, fields.locale, fields.body],
    );
    return toMacro(rows[0]);
  }

  async delete(tx: Tx, id: string): Promise<void> {
    await tx.query(`DELETE FROM macros WHERE id = $1`, [id]);
  }
}

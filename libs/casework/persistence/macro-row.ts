import type { Macro } from '../domain/macro';

export const MACRO_COLUMNS = `m.id, m.name, m.kind, m.outcome, m.reason_code, m.locale, m.body, m.created_by,
  m.created_at, m.updated_at, m.version`;

export interface MacroRow {
  id: string;
  name: string;
  kind: Macro['kind'];
  outcome: Macro['outcome'];
  reason_code: Macro['reasonCode'];
  locale: Macro['locale'];
  body: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const toMacro = (r: MacroRow): Macro => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  outcome: r.outcome,
  reasonCode: r.reason_code,
  locale: r.locale,
  body: r.body,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

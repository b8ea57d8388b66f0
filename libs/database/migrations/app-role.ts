import type { QueryRunner } from 'typeorm';

/** The database role the API and the worker connect as (README, "Production"). */
export const APP_ROLE = 'redress_app';

/** Grants the app role exactly these privileges on these tables (migration 11 and every later table). */
export async function grantToAppRole(q: QueryRunner, tables: string[], privileges: string): Promise<void> {
  await q.query(`GRANT ${privileges} ON ${tables.join(', ')} TO ${APP_ROLE}`);
}

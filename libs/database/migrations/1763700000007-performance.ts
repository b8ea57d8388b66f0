import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `'submitted', 'in_review', 'awaiting_appellant', 'escalated'`;

/**
 * Schema changes the benchmark called for (docs/performance.md has the measurements).
 *
 * The triage queue is ordered priority desc, submitted_at asc, id asc. Mixed directions cannot be one
 * row comparison, so the keyset condition was an OR that the index could only filter: page 1,000 of a
 * million read 50,000 rows. Ordered by (−priority, submitted_at, id) — the same order — the
 * cursor is a plain row comparison and an index range: page 1,000 costs what page 1 does.
 *
 * review/next: `status = ANY($1)` does not let PostgreSQL 15 use (status, …) for the order, so it
 * walked the queue index past every appeal already claimed. Its own index holds only what can be
 * claimed (unassigned, submitted or escalated), in claim order, so claims leave it as they happen.
 *
 * Running balances per statement, not per leg: a ban wave posts 25,000 freezes in a few INSERTs, and
 * the row trigger ran two statements for each of their legs. The set-based trigger opens the missing
 * balances at zero, then adds each book's sum once (still two steps, so the CHECK sees the real sum,
 * never a negative row proposed for insertion). Balances are checked at the end of each statement.
 * The guard that keeps everyone else off ledger_balances now decides in its WHEN clause, so the
 * trigger's own writes no longer call a PL/pgSQL function per row.
 */
export class Performance1763700000007 implements MigrationInterface {
  name = 'Performance1763700000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER ledger_legs_apply_balance ON ledger_legs;
      DROP FUNCTION ledger_legs_apply_balance();
      CREATE FUNCTION ledger_legs_apply_balances() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ledger_balances (account_id, book, currency, balance_minor)
        SELECT DISTINCT account_id, book, currency, 0 FROM new_legs WHERE account_id IS NOT NULL
        ON CONFLICT (account_id, book, currency) DO NOTHING;
        UPDATE ledger_balances b SET balance_minor = b.balance_minor + d.amount, updated_at = now()
          FROM (SELECT account_id, book, currency, sum(amount_minor) AS amount
                  FROM new_legs WHERE account_id IS NOT NULL GROUP BY account_id, book, currency) d
         WHERE b.account_id = d.account_id AND b.book = d.book AND b.currency = d.currency;
        RETURN NULL;
      END $$;
      CREATE TRIGGER ledger_legs_apply_balances AFTER INSERT ON ledger_legs
        REFERENCING NEW TABLE AS new_legs FOR EACH STATEMENT EXECUTE FUNCTION ledger_legs_apply_balances();

      DROP INDEX appeals_queue;
      CREATE INDEX appeals_queue ON appeals ((-priority), submitted_at, id) WHERE status IN (${OPEN});
      DROP INDEX appeals_claimable;
      CREATE INDEX appeals_claimable ON appeals (priority DESC, submitted_at, id)
        WHERE status IN ('submitted', 'escalated') AND assignee_id IS NULL;

      -- depth 0 (evaluated before the guard itself counts): a statement not issued by a trigger
      DROP TRIGGER ledger_balances_guard ON ledger_balances;
      CREATE TRIGGER ledger_balances_guard BEFORE INSERT OR UPDATE OR DELETE ON ledger_balances
        FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION ledger_balances_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX appeals_queue;
      CREATE INDEX appeals_queue ON appeals (priority DESC, submitted_at, id) WHERE status IN (${OPEN});
      DROP INDEX appeals_claimable;
      CREATE INDEX appeals_claimable ON appeals (status, priority DESC, submitted_at, id) WHERE status IN ('submitted', 'escalated');
      DROP TRIGGER ledger_balances_guard ON ledger_balances;
      CREATE TRIGGER ledger_balances_guard BEFORE INSERT OR UPDATE OR DELETE ON ledger_balances
        FOR EACH ROW EXECUTE FUNCTION ledger_balances_guard();
      DROP TRIGGER ledger_legs_apply_balances ON ledger_legs;
      DROP FUNCTION ledger_legs_apply_balances();
      CREATE FUNCTION ledger_legs_apply_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ledger_balances (account_id, book, currency, balance_minor)
             VALUES (NEW.account_id, NEW.book, NEW.currency, 0)
        ON CONFLICT (account_id, book, currency) DO NOTHING;
        UPDATE ledger_balances SET balance_minor = balance_minor + NEW.amount_minor, updated_at = now()
         WHERE account_id = NEW.account_id AND book = NEW.book AND currency = NEW.currency;
        RETURN NULL;
      END $$;
      CREATE TRIGGER ledger_legs_apply_balance AFTER INSERT ON ledger_legs
        FOR EACH ROW WHEN (NEW.account_id IS NOT NULL) EXECUTE FUNCTION ledger_legs_apply_balance();
    `);
  }
}

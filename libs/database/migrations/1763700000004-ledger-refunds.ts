import type { MigrationInterface, QueryRunner } from 'typeorm';

const ACCOUNT_BOOKS = `'customer_frozen', 'refund_payable'`;
const SYSTEM_BOOKS = `'platform_balance', 'paid_out'`;
const KINDS = `'freeze', 'release', 'refund_approved', 'refund_paid'`;
const REFUND_STATUSES = `'proposed', 'approved', 'processing', 'paid', 'rejected', 'failed'`;
// The twin of REFUND_TRANSITIONS in libs/refunds/domain/refund-status.ts; the database refuses any other move.
const REFUND_MOVES = `('proposed', 'approved'), ('proposed', 'rejected'), ('approved', 'processing'),
  ('processing', 'paid'), ('processing', 'failed'), ('failed', 'processing')`;

/**
 * The double-entry ledger and refunds. Every invariant is held by the database,
 * not only by the use-cases: legs balance (deferred, checked at commit), account books never go
 * negative (running balances with a CHECK), the ledger is append-only, refunds never claim more than
 * was frozen (checked under the suspension's row lock), four-eyes, and a refund is paid at most once.
 */
export class LedgerRefunds1763700000004 implements MigrationInterface {
  name = 'LedgerRefunds1763700000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE refunds (
        id               uuid PRIMARY KEY,
        suspension_id    uuid NOT NULL REFERENCES suspensions (id),
        appeal_id        uuid REFERENCES appeals (id),
        account_id       text NOT NULL,
        amount_minor     bigint NOT NULL CHECK (amount_minor > 0),
        currency         char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        status           text NOT NULL DEFAULT 'proposed' CHECK (status IN (${REFUND_STATUSES})),
        reason           text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 2000),
        proposed_by      text NOT NULL,
        approved_by      text,
        rejected_by      text,
        rejection_reason text,
        provider_ref     text,
        failure_reason   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        approved_at      timestamptz,
        paid_at          timestamptz,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        version          integer NOT NULL DEFAULT 1,
        CONSTRAINT refunds_four_eyes CHECK (approved_by IS NULL OR approved_by <> proposed_by),
        CONSTRAINT refunds_approval_recorded CHECK (
          (status IN ('approved', 'processing', 'paid', 'failed')) = (approved_by IS NOT NULL AND approved_at IS NOT NULL)),
        CONSTRAINT refunds_rejection_recorded CHECK (
          (status = 'rejected') = (rejected_by IS NOT NULL AND rejection_reason IS NOT NULL)),
        CONSTRAINT refunds_payment_recorded CHECK ((status = 'paid') = (paid_at IS NOT NULL)),
        CONSTRAINT refunds_failure_recorded CHECK (status <> 'failed' OR failure_reason IS NOT NULL)
      );
      CREATE INDEX refunds_suspension ON refunds (suspension_id) INCLUDE (status, amount_minor);
      CREATE INDEX refunds_by_status ON refunds (status, created_at DESC, id DESC);
      CREATE INDEX refunds_by_created ON refunds (created_at DESC, id DESC);
      CREATE INDEX refunds_account ON refunds (account_id, created_at DESC, id DESC);
      CREATE INDEX refunds_paid ON refunds (paid_at, id) WHERE status = 'paid';

      -- Inserts: the claim on the frozen balance is checked under the suspension's row lock, so two
      -- concurrent proposals cannot both fit. Updates: only the moves of the refund state machine, and
      -- what a proposal was (amount, account, proposer) never changes; paid and rejected rows are final.
      CREATE FUNCTION refunds_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        s record;
        claimed bigint;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'refunds are kept for good (DELETE refused)' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'UPDATE' THEN
          IF (NEW.suspension_id, NEW.account_id, NEW.amount_minor, NEW.currency, NEW.proposed_by, NEW.created_at)
             IS DISTINCT FROM (OLD.suspension_id, OLD.account_id, OLD.amount_minor, OLD.currency, OLD.proposed_by, OLD.created_at) THEN
            RAISE EXCEPTION 'refund %: a proposal cannot be rewritten', OLD.id
              USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_immutable_proposal';
          END IF;
          IF OLD.status IN ('paid', 'rejected') THEN
            RAISE EXCEPTION 'refund % is % and final', OLD.id, OLD.status
              USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_final';
          END IF;
          IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (${REFUND_MOVES}) THEN
            RAISE EXCEPTION 'refund % cannot go from % to %', OLD.id, OLD.status, NEW.status
              USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_transition';
          END IF;
          RETURN NEW;
        END IF;
        IF NEW.status <> 'proposed' THEN
          RAISE EXCEPTION 'a refund starts as proposed' USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_transition';
        END IF;
        SELECT account_id, currency, frozen_amount_minor, released_amount_minor INTO s
          FROM suspensions WHERE id = NEW.suspension_id FOR UPDATE;
        IF s.account_id IS DISTINCT FROM NEW.account_id OR s.currency IS DISTINCT FROM NEW.currency THEN
          RAISE EXCEPTION 'refund % must be for the suspension''s account and currency', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_match_suspension';
        END IF;
        SELECT coalesce(sum(amount_minor), 0) INTO claimed
          FROM refunds WHERE suspension_id = NEW.suspension_id AND status <> 'rejected';
        IF s.released_amount_minor + claimed + NEW.amount_minor > s.frozen_amount_minor THEN
          RAISE EXCEPTION 'refund % exceeds the refundable balance of suspension %', NEW.id, NEW.suspension_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_within_frozen_balance';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refunds_guard BEFORE INSERT OR UPDATE OR DELETE ON refunds
        FOR EACH ROW EXECUTE FUNCTION refunds_guard();

      -- The other side of the same invariant: a release may not take what refunds still claim.
      CREATE FUNCTION suspensions_release_within_claims() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE claimed bigint;
      BEGIN
        SELECT coalesce(sum(amount_minor), 0) INTO claimed
          FROM refunds WHERE suspension_id = NEW.id AND status <> 'rejected';
        IF NEW.released_amount_minor + claimed > NEW.frozen_amount_minor THEN
          RAISE EXCEPTION 'suspension % cannot release % with % claimed by refunds', NEW.id, NEW.released_amount_minor, claimed
            USING ERRCODE = 'check_violation', CONSTRAINT = 'suspensions_release_within_claims';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER suspensions_release_within_claims BEFORE UPDATE OF released_amount_minor ON suspensions
        FOR EACH ROW WHEN (NEW.released_amount_minor > OLD.released_amount_minor)
        EXECUTE FUNCTION suspensions_release_within_claims();

      CREATE TABLE ledger_entries (
        id            uuid PRIMARY KEY,
        seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        kind          text NOT NULL CHECK (kind IN (${KINDS})),
        currency      char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        suspension_id uuid REFERENCES suspensions (id),
        refund_id     uuid REFERENCES refunds (id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_entries_id_currency UNIQUE (id, currency),
        CONSTRAINT ledger_entries_refund_kinds CHECK ((kind IN ('refund_approved', 'refund_paid')) = (refund_id IS NOT NULL))
      );
      -- A refund is approved at most once and paid at most once, whatever the code does.
      CREATE UNIQUE INDEX ledger_entries_refund_once ON ledger_entries (refund_id, kind) WHERE refund_id IS NOT NULL;
      CREATE UNIQUE INDEX ledger_entries_freeze_once ON ledger_entries (suspension_id) WHERE kind = 'freeze';
      CREATE INDEX ledger_entries_suspension ON ledger_entries (suspension_id) WHERE suspension_id IS NOT NULL;

      CREATE TABLE ledger_legs (
        entry_id     uuid NOT NULL,
        leg_no       smallint NOT NULL CHECK (leg_no >= 0),
        book         text NOT NULL CHECK (book IN (${ACCOUNT_BOOKS}, ${SYSTEM_BOOKS})),
        account_id   text,
        amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
        currency     char(3) NOT NULL,
        PRIMARY KEY (entry_id, leg_no),
        -- one currency per entry: every leg carries its entry's currency
        CONSTRAINT ledger_legs_entry_currency FOREIGN KEY (entry_id, currency) REFERENCES ledger_entries (id, currency),
        CONSTRAINT ledger_legs_account_books CHECK ((book IN (${ACCOUNT_BOOKS})) = (account_id IS NOT NULL))
      );
      CREATE INDEX ledger_legs_account ON ledger_legs (account_id, entry_id) WHERE account_id IS NOT NULL;
      CREATE INDEX ledger_legs_book ON ledger_legs (book, currency) INCLUDE (amount_minor);

      CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only (% refused); correct with a new entry', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER ledger_entries_no_update_delete BEFORE UPDATE OR DELETE ON ledger_entries
        FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
      CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
      CREATE TRIGGER ledger_legs_no_update_delete BEFORE UPDATE OR DELETE ON ledger_legs
        FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
      CREATE TRIGGER ledger_legs_no_truncate BEFORE TRUNCATE ON ledger_legs
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

      -- Checked at commit, once the entry's legs are all written: at least two, numbered 0..n-1, sum 0.
      CREATE FUNCTION ledger_assert_balanced(entry uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE n integer; top integer; total numeric;
      BEGIN
        SELECT count(*), max(leg_no), coalesce(sum(amount_minor), 0) INTO n, top, total
          FROM ledger_legs WHERE entry_id = entry;
        IF n < 2 OR top <> n - 1 OR total <> 0 THEN
          RAISE EXCEPTION 'ledger entry % does not balance (% legs, sum %)', entry, n, total
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entries_balanced';
        END IF;
      END $$;
      CREATE FUNCTION ledger_entries_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM ledger_assert_balanced(NEW.id); RETURN NULL; END $$;
      CREATE FUNCTION ledger_legs_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM ledger_assert_balanced(NEW.entry_id); RETURN NULL; END $$;
      CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entries_balanced();
      -- Legs 0..n-1 are covered by their entry's check above, which also proves they are contiguous;
      -- so a leg numbered 2 or more is the only way to touch an entry later, and is checked again.
      CREATE CONSTRAINT TRIGGER ledger_legs_balanced AFTER INSERT ON ledger_legs
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.leg_no >= 2)
        EXECUTE FUNCTION ledger_legs_balanced();

      -- Running balances of the per-account books, which must never go negative. Only the
      -- legs trigger writes here, so they cannot drift from the legs. The system books are summed on
      -- read: keeping them here would make one row that every transaction of the platform waits on.
      CREATE TABLE ledger_balances (
        account_id    text NOT NULL,
        book          text NOT NULL CHECK (book IN (${ACCOUNT_BOOKS})),
        currency      char(3) NOT NULL,
        balance_minor bigint NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, book, currency),
        CONSTRAINT ledger_balances_non_negative CHECK (balance_minor >= 0)
      );
      -- Not one INSERT … ON CONFLICT DO UPDATE: PostgreSQL checks the CHECK on the row proposed for
      -- insertion, so a negative leg would fail even against a sufficient balance. Open at zero, then add.
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
      CREATE FUNCTION ledger_balances_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'ledger_balances follows ledger_legs; post an entry instead (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$;
      CREATE TRIGGER ledger_balances_guard BEFORE INSERT OR UPDATE OR DELETE ON ledger_balances
        FOR EACH ROW EXECUTE FUNCTION ledger_balances_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE ledger_balances; DROP TABLE ledger_legs; DROP TABLE ledger_entries;
      DROP TRIGGER suspensions_release_within_claims ON suspensions; DROP TABLE refunds;
      DROP FUNCTION ledger_balances_guard(); DROP FUNCTION ledger_legs_apply_balance();
      DROP FUNCTION ledger_legs_balanced(); DROP FUNCTION ledger_entries_balanced();
      DROP FUNCTION ledger_assert_balanced(uuid); DROP FUNCTION ledger_append_only();
      DROP FUNCTION suspensions_release_within_claims(); DROP FUNCTION refunds_guard();
    `);
  }
}

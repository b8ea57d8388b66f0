import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToAppRole } from './app-role';

const OPEN = `'submitted', 'in_review', 'awaiting_appellant', 'escalated'`;

/**
 * Detectors as data (docs/detectors.md): a suspension names the detector version that flagged it (a
 * wave's, when the item names none); an appeal is either filed by the person (`appellant`) or opened by
 * a sampled review of people who never appealed (`sample`). The one-appeal rule counts filed appeals
 * only, a suspension is sampled at most once, and wave statistics keep counting filed appeals only.
 * detector_versions holds the breaker's state per version: a row appears the first time the breaker
 * judges the version.
 */
export class Detectors1763700000016 implements MigrationInterface {
  name = 'Detectors1763700000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE waves ADD COLUMN detector_version text CHECK (char_length(detector_version) BETWEEN 1 AND 100);
      ALTER TABLE suspensions
        ADD COLUMN detector_name text CHECK (char_length(detector_name) BETWEEN 1 AND 200),
        ADD COLUMN detector_version text CHECK (char_length(detector_version) BETWEEN 1 AND 100),
        ADD CONSTRAINT suspensions_detector_whole CHECK ((detector_name IS NULL) = (detector_version IS NULL));
      CREATE INDEX suspensions_detector ON suspensions (detector_name, detector_version, suspended_at)
        WHERE detector_name IS NOT NULL;

      ALTER TABLE appeals ADD COLUMN origin text NOT NULL DEFAULT 'appellant' CHECK (origin IN ('appellant', 'sample'));
      ALTER TABLE appeals DROP CONSTRAINT appeals_one_per_suspension;
      -- one filed appeal per suspension, and one sample case: a sample never takes the person's own appeal
      CREATE UNIQUE INDEX appeals_one_per_suspension ON appeals (suspension_id) WHERE origin = 'appellant';
      CREATE UNIQUE INDEX appeals_one_sample_per_suspension ON appeals (suspension_id) WHERE origin = 'sample';
      -- the breaker judges again the detector versions with cases decided since its last round
      CREATE INDEX appeals_decided_at ON appeals (decided_at) WHERE status = 'decided';

      CREATE TABLE detector_versions (
        id          uuid PRIMARY KEY,
        name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        version     text NOT NULL CHECK (char_length(version) BETWEEN 1 AND 100),
        flagged     boolean NOT NULL DEFAULT false,
        -- the lower 95 % bound of the false-positive rate when the breaker last judged the version
        lower_bound double precision CHECK (lower_bound BETWEEN 0 AND 1),
        changed_at  timestamptz,
        judged_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT detector_versions_name_version UNIQUE (name, version),
        CONSTRAINT detector_versions_flag_has_time CHECK (NOT flagged OR changed_at IS NOT NULL)
      );

      CREATE OR REPLACE FUNCTION wave_stats_appeals_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE wave_stats w SET appeals_filed = w.appeals_filed + n.c, appeals_open = w.appeals_open + n.c
          FROM (SELECT wave_id, count(*)::int AS c FROM new_rows
                 WHERE wave_id IS NOT NULL AND origin = 'appellant' GROUP BY wave_id) n
         WHERE w.wave_id = n.wave_id;
        RETURN NULL;
      END $$;

      CREATE OR REPLACE FUNCTION wave_stats_appeals_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE wave_stats w
           SET appeals_open = w.appeals_open + d.open,
               appeals_decided = w.appeals_decided + d.decided,
               appeals_overturned = w.appeals_overturned + d.overturned
          FROM (SELECT n.wave_id,
                       sum((n.status IN (${OPEN}))::int - (o.status IN (${OPEN}))::int)::int AS open,
                       sum((n.status = 'decided')::int - (o.status = 'decided')::int)::int AS decided,
                       sum((n.status = 'decided' AND n.decision_outcome = 'overturned')::int
                         - (o.status = 'decided' AND o.decision_outcome = 'overturned')::int)::int AS overturned
                  FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE n.wave_id IS NOT NULL AND n.origin = 'appellant'
                 GROUP BY n.wave_id) d
         WHERE w.wave_id = d.wave_id AND (d.open <> 0 OR d.decided <> 0 OR d.overturned <> 0);
        RETURN NULL;
      END $$;
    `);
    await grantToAppRole(q, ['detector_versions'], 'SELECT, INSERT, UPDATE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION wave_stats_appeals_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE wave_stats w SET appeals_filed = w.appeals_filed + n.c, appeals_open = w.appeals_open + n.c
          FROM (SELECT wave_id, count(*)::int AS c FROM new_rows WHERE wave_id IS NOT NULL GROUP BY wave_id) n
         WHERE w.wave_id = n.wave_id;
        RETURN NULL;
      END $$;
      CREATE OR REPLACE FUNCTION wave_stats_appeals_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE wave_stats w
           SET appeals_open = w.appeals_open + d.open,
               appeals_decided = w.appeals_decided + d.decided,
               appeals_overturned = w.appeals_overturned + d.overturned
          FROM (SELECT n.wave_id,
                       sum((n.status IN (${OPEN}))::int - (o.status IN (${OPEN}))::int)::int AS open,
                       sum((n.status = 'decided')::int - (o.status = 'decided')::int)::int AS decided,
                       sum((n.status = 'decided' AND n.decision_outcome = 'overturned')::int
                         - (o.status = 'decided' AND o.decision_outcome = 'overturned')::int)::int AS overturned
                  FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE n.wave_id IS NOT NULL
                 GROUP BY n.wave_id) d
         WHERE w.wave_id = d.wave_id AND (d.open <> 0 OR d.decided <> 0 OR d.overturned <> 0);
        RETURN NULL;
      END $$;
      DROP TABLE detector_versions;
      DROP INDEX appeals_decided_at;
      DROP INDEX appeals_one_sample_per_suspension;
      DROP INDEX appeals_one_per_suspension;
      ALTER TABLE appeals ADD CONSTRAINT appeals_one_per_suspension UNIQUE (suspension_id);
      ALTER TABLE appeals DROP COLUMN origin;
      DROP INDEX suspensions_detector;
      ALTER TABLE suspensions DROP CONSTRAINT suspensions_detector_whole,
        DROP COLUMN detector_name, DROP COLUMN detector_version;
      ALTER TABLE waves DROP COLUMN detector_version;
    `);
  }
}

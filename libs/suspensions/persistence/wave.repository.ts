import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import type { WaveStore } from '../application/suspension-store.port';

/** Persistence for ban waves; every method works inside the caller's transaction. */
@Injectable()
export class WaveRepository implements WaveStore {
  async insert(
    tx: Tx,
    wave: {
      id: string;
      name: string;
      detector: string;
      detectorVersion: string | null;
      description: string | null;
      createdBy: string;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO waves (id, name, detector, detector_version, description, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [wave.id, wave.name, wave.detector, wave.detectorVersion, wave.description, wave.createdBy],
    );
  }

  /** The wave's detector, or null when there is no such wave. */
  async find(tx: Tx, id: string): Promise<{ detector: string; detectorVersion: string | null } | null> {
    const [row]: { detector: string; detectorVersion: string | null }[] = await tx.query(
      'SELECT detector, detector_version AS "detectorVersion" FROM waves WHERE id = $1',
      [id],
    );
    return row ?? null;
  }

  /** Whether the wave exists, keeping it so (FOR SHARE) until the transaction ends. */
  async lockShared(tx: Tx, id: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM waves WHERE id = $1 FOR SHARE`, [id]);
    return rows.length > 0;
  }
}

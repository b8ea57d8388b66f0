import { Injectable } from '@nestjs/common';
import { isUniqueViolation, UnitOfWork } from '@redress/database';
import { Clock, type Actor } from '@redress/kernel';
import type { NewSuspension, Suspension } from '../domain/suspension';
import { SuspensionRepository } from '../persistence/suspension.repository';
import { SuspensionWriter } from './suspension-writer';

export const MAX_BATCH_ITEMS = 10_000;
const MAX_ATTEMPTS = 3;

/**
 * A ban wave arriving at once: up to 10,000 suspensions in one transaction, written with
 * set-based SQL; externalRefs already known are skipped and counted. Notices go to the bulk lane.
 */
@Injectable()
export class CreateSuspensionBatchUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly suspensions: SuspensionRepository,
    private readonly writer: SuspensionWriter,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    waveId: string | undefined,
    items: NewSuspension[],
  ): Promise<{ created: number; skipped: number }> {
    const now = this.clock.now();
    const built = items.map((item) => this.writer.build(actor, { ...item, waveId }, now));
    const indexOf = new Map(built.map((b, index) => [b.suspension.id, index]));
    const fieldOf = (s: Suspension) => `items[${indexOf.get(s.id)}].frozenBalance.amountMinor`;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.uow.run(async (tx) => {
          if (waveId)
            await this.writer.applyWave(
              tx,
              waveId,
              built.map((b) => b.suspension),
            );
          const createdIds = new Set(await this.suspensions.insertManyIfNew(tx, built));
          const created = built.filter((b) => createdIds.has(b.suspension.id)).map((b) => b.suspension);
          await this.writer.assertAmountsFit(tx, created, fieldOf);
          await this.writer.recordCreated(tx, actor, created, 'bulk');
          return { created: created.length, skipped: items.length - created.length };
        });
      } catch (error) {
        // another writer stored one of these externalRefs meanwhile: again, and it is skipped this time
        if (attempt === MAX_ATTEMPTS || !isUniqueViolation(error, 'suspensions_external_ref_unique'))
          throw error;
      }
    }
  }
}

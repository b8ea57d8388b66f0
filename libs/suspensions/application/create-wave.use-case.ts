import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork } from '@redress/database';
import { newId, type Actor } from '@redress/kernel';

export interface NewWave {
  name: string;
  detector: string;
  description?: string;
}

/** An enforcement system announces a ban wave before (or while) it sends the wave's suspensions. */
@Injectable()
export class CreateWaveUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, input: NewWave): Promise<string> {
    const id = newId();
    return this.uow.run(async (tx) => {
      await tx.query(
        `INSERT INTO waves (id, name, detector, description, created_by) VALUES ($1, $2, $3, $4, $5)`,
        [id, input.name, input.detector, input.description ?? null, actor.sub],
      );
      await this.audit.append(tx, {
        actor,
        action: 'wave.created',
        entityType: 'wave',
        entityId: id,
        data: { ...input },
      });
      return id;
    });
  }
}

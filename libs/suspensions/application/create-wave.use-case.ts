import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork } from '@redress/database';
import { newId, type Actor } from '@redress/kernel';
import { WaveRepository } from '../persistence/wave.repository';

export interface NewWave {
  name: string;
  detector: string;
  detectorVersion?: string;
  description?: string;
}

/** An enforcement system announces a ban wave before (or while) it sends the wave's suspensions. */
@Injectable()
export class CreateWaveUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly waves: WaveRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, input: NewWave): Promise<string> {
    const id = newId();
    return this.uow.run(async (tx) => {
      await this.waves.insert(tx, {
        id,
        name: input.name,
        detector: input.detector,
        detectorVersion: input.detectorVersion ?? null,
        description: input.description ?? null,
        createdBy: actor.sub,
      });
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

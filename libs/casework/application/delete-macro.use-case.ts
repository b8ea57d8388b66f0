import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork } from '@redress/database';
import { assertVersion, type Actor } from '@redress/kernel';
import { MacroRepository } from '../persistence/macro.repository';

/** Removes a macro; the audit log keeps what it said. */
@Injectable()
export class DeleteMacroUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly macros: MacroRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, id: string, expectedVersion?: number): Promise<void> {
    return this.uow.run(async (tx) => {
      const macro = await this.macros.lock(tx, id);
      assertVersion(expectedVersion, macro.version);
      await this.macros.delete(tx, id);
      await this.audit.append(tx, {
        actor,
        action: 'macro.deleted',
        entityType: 'macro',
        entityId: id,
        data: {
          name: macro.name,
          kind: macro.kind,
          locale: macro.locale,
          body: macro.body,
          version: macro.version,
        },
      });
    });
  }
}

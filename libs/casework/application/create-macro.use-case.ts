import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork } from '@redress/database';
import { newId, type Actor } from '@redress/kernel';
import { assertValidMacro, type Macro, type MacroFields } from '../domain/macro';
import { MacroRepository } from '../persistence/macro.repository';

/** An admin writes a macro reviewers then pick from. */
@Injectable()
export class CreateMacroUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly macros: MacroRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, fields: MacroFields): Promise<Macro> {
    assertValidMacro(fields);
    return this.uow.run(async (tx) => {
      const macro = await this.macros.insert(tx, newId(), fields, actor.sub);
      await this.audit.append(tx, {
        actor,
        action: 'macro.created',
        entityType: 'macro',
        entityId: macro.id,
        data: { ...fields },
      });
      return macro;
    });
  }
}

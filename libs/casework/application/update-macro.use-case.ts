import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork } from '@redress/database';
import { assertVersion, type Actor } from '@redress/kernel';
import { assertValidMacro, type Macro, type MacroFields } from '../domain/macro';
import { MacroRepository } from '../persistence/macro.repository';

/** Changes some of a macro's fields; the macro as a whole must still be valid. */
@Injectable()
export class UpdateMacroUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly macros: MacroRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, id: string, changes: Partial<MacroFields>, expectedVersion?: number): Promise<Macro> {
    return this.uow.run(async (tx) => {
      const current = await this.macros.lock(tx, id);
      assertVersion(expectedVersion, current.version);
      const fields: MacroFields = {
        name: changes.name ?? current.name,
        kind: changes.kind ?? current.kind,
        // a kind other than decision drops the outcome, unless the change names one (then refused)
        outcome:
          changes.outcome !== undefined
            ? changes.outcome
            : (changes.kind ?? current.kind) === 'decision'
              ? current.outcome
              : null,
        reasonCode: changes.reasonCode !== undefined ? changes.reasonCode : current.reasonCode,
        locale: changes.locale ?? current.locale,
        body: changes.body ?? current.body,
      };
      assertValidMacro(fields);
      const updated = await this.macros.update(tx, id, fields);
      await this.audit.append(tx, {
        actor,
        action: 'macro.updated',
        entityType: 'macro',
        entityId: id,
        data: { ...definedOnly(changes), version: updated.version },
      });
      return updated;
    });
  }
}

/** The fields the change names (a JSON body leaves the others undefined). */
const definedOnly = (changes: Partial<MacroFields>) =>
  Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));

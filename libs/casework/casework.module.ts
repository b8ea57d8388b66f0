import { Module } from '@nestjs/common';
import { AppealsModule } from '@redress/appeals';
import { RefundsModule } from '@redress/refunds';
import { SuspensionsModule } from '@redress/suspensions';
import { CreateMacroUseCase } from './application/create-macro.use-case';
import { DeleteMacroUseCase } from './application/delete-macro.use-case';
import { ReadAccountUseCase } from './application/read-account.use-case';
import { UpdateMacroUseCase } from './application/update-macro.use-case';
import { MacroRepository } from './persistence/macro.repository';
import { MacroQueries } from './queries/macro-queries';
import { SearchQueries } from './queries/search-queries';

const EXPORTED = [
  CreateMacroUseCase,
  UpdateMacroUseCase,
  DeleteMacroUseCase,
  ReadAccountUseCase,
  MacroQueries,
  SearchQueries,
];

/** The reviewer's tools: macros, an account's records beside a case, search by any identifier. */
@Module({
  imports: [AppealsModule, SuspensionsModule, RefundsModule],
  providers: [...EXPORTED, MacroRepository],
  exports: EXPORTED,
})
export class CaseworkModule {}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentActor } from '@redress/auth';
import { CreateMacroUseCase, DeleteMacroUseCase, MacroQueries, UpdateMacroUseCase } from '@redress/casework';
import { ApiProblems, CreatedAt, Idempotent, IfMatch } from '@redress/http';
import { DomainError, type Actor } from '@redress/kernel';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import {
  CreateMacroRequest,
  MacroListQuery,
  MacroResponse,
  toMacroResponse,
  UpdateMacroRequest,
} from './dto/macro.dto';

@ApiTags('reviewer tools')
@ApiBearerAuth()
@Controller('v1/macros')
export class MacrosController {
  constructor(
    private readonly create: CreateMacroUseCase,
    private readonly update: UpdateMacroUseCase,
    private readonly remove: DeleteMacroUseCase,
    private readonly macros: MacroQueries,
  ) {}

  @Post()
  @Allow('macro.manage')
  @CreatedAt('/v1/macros/{id}')
  @Idempotent()
  @ApiCreatedResponse({ type: MacroResponse })
  @ApiProblems('idempotency_key_reused', 'idempotency_request_in_progress')
  @ApiOperation({
    operationId: 'createMacro',
    summary: 'Write a macro',
    description:
      'Admins only. A reusable text for a request for information, a decision (with its outcome) or a note, in one language, optionally for one reason code.',
  })
  async createOne(@CurrentActor() actor: Actor, @Body() body: CreateMacroRequest): Promise<MacroResponse> {
    return toMacroResponse(
      await this.create.execute(actor, {
        ...body,
        outcome: body.outcome ?? null,
        reasonCode: body.reasonCode ?? null,
      }),
    );
  }

  @Get()
  @Allow('macro.read')
  @ApiPageResponse(MacroResponse)
  @ApiProblems()
  @ApiOperation({
    operationId: 'listMacros',
    summary: 'List macros',
    description: 'By name; filtered by kind, reason code (its own macros and those for any) and language.',
  })
  async list(@Query() query: MacroListQuery) {
    const { limit, cursor, ...filter } = query;
    const page = await this.macros.list(filter, limit, cursor);
    return { data: page.data.map(toMacroResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Allow('macro.read')
  @ApiOkResponse({ type: MacroResponse })
  @ApiProblems('not_found')
  @ApiOperation({
    operationId: 'getMacro',
    summary: 'Read a macro',
    description: 'One macro, with its ETag.',
  })
  async get(@Param('id', IdParam) id: string): Promise<MacroResponse> {
    const macro = await this.macros.get(id);
    if (!macro) throw DomainError.notFound('Macro');
    return toMacroResponse(macro);
  }

  @Patch(':id')
  @Allow('macro.manage')
  @ApiOkResponse({ type: MacroResponse })
  @ApiProblems('not_found', 'version_mismatch')
  @ApiOperation({
    operationId: 'updateMacro',
    summary: 'Change a macro',
    description: 'Admins only. The fields given change; the macro as a whole must stay valid.',
  })
  async patch(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() body: UpdateMacroRequest,
    @IfMatch() expectedVersion?: number,
  ): Promise<MacroResponse> {
    return toMacroResponse(await this.update.execute(actor, id, body, expectedVersion));
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow('macro.manage')
  @ApiNoContentResponse({ description: 'Deleted; the audit log keeps its last text' })
  @ApiProblems('not_found', 'version_mismatch')
  @ApiOperation({ operationId: 'deleteMacro', summary: 'Delete a macro', description: 'Admins only.' })
  async delete(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @IfMatch() expectedVersion?: number,
  ): Promise<void> {
    await this.remove.execute(actor, id, expectedVersion);
  }
}

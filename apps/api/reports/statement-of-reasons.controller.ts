import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '@redress/auth';
import type { Actor } from '@redress/kernel';
import { SuspensionQueries } from '@redress/suspensions';
import { ApiProblems } from '@redress/http';
import { StatementOfReasonsQueries } from '@redress/reports';
import { IdParam } from '../common/id-param';
import { StatementOfReasonsResponse } from './dto/statement-of-reasons.response.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1')
export class StatementOfReasonsController {
  constructor(
    private readonly statements: StatementOfReasonsQueries,
    private readonly suspensions: SuspensionQueries,
  ) {}

  @Get('suspensions/:id/statement-of-reasons')
  // Enforcement systems too, for their own suspensions: the statement describes their decision, and
  // they are the ones who submit it to the Commission's database.
  @Allow('suspension.read_statement')
  @ApiOperation({
    operationId: 'getStatementOfReasons',
    summary: 'The suspension’s statement of reasons in the EU DSA Transparency Database layout',
    description:
      'Ready to POST to the Commission’s API as is (`puid` = the suspension id). Built from the ' +
      'suspension as it stands: active → suspended, upheld → terminated, lifted → suspended with the ' +
      'lift date as end date. Account id and e-mail are removed from the free text.',
  })
  @ApiOkResponse({ type: StatementOfReasonsResponse })
  @ApiProblems('not_found')
  async statementOfReasons(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
  ): Promise<StatementOfReasonsResponse> {
    await this.suspensions.getVisible(actor, id);
    return this.statements.forSuspension(id);
  }
}

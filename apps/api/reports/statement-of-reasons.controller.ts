import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '@redress/auth';
import type { Actor } from '@redress/kernel';
import { SuspensionQueries } from '@redress/suspensions';
import { ApiProblems } from '@redress/http';
import { StatementOfReasonsQueries } from '@redress/reports';
import { IdParam } from '../common/id-param';
import {
  PublishedStatementsResponse,
  StatementOfReasonsResponse,
} from './dto/statement-of-reasons.response.dto';

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
      'The statement of the suspension’s latest decision, ready to POST to the Commission’s API as is ' +
      '(every decision’s statement: listStatementsOfReasons). Suspended → suspended, upheld → ' +
      'terminated, lifted → suspended with the lift date as end date. Account id and e-mail are ' +
      'removed from the free text.',
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

  @Get('suspensions/:id/statements-of-reasons')
  @Allow('suspension.read_statement')
  @ApiOperation({
    operationId: 'listStatementsOfReasons',
    summary: 'Every statement of reasons published for the suspension, one per decision',
    description:
      'The suspension, its upholding (termination), its lift and the reopening of an upheld appeal each ' +
      'publish a statement of their own with a puid of its own (the suspension id for the first, ' +
      '`<id>-<seq>` after); a published statement never changes. First decision first.',
  })
  @ApiOkResponse({ type: PublishedStatementsResponse })
  @ApiProblems('not_found')
  async published(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
  ): Promise<PublishedStatementsResponse> {
    await this.suspensions.getVisible(actor, id);
    const published = await this.statements.publishedFor(id);
    return { data: published.map((p) => ({ ...p, publishedAt: p.publishedAt.toISOString() })) };
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '@redress/auth';
import { ReadAccountUseCase, SearchQueries } from '@redress/casework';
import { ApiProblems } from '@redress/http';
import { Clock, type Actor } from '@redress/kernel';
import { AppellantAppealResponse, StaffAppealResponse } from '../appeals/dto/appeal.response.dto';
import { ApiPageResponse } from '../common/api-page';
import { AccountIdParam } from './account-id-param';
import { AccountResponse, toAccountResponse } from './dto/account.dto';
import { SearchHitResponse, SearchQuery } from './dto/search.dto';

@ApiTags('reviewer tools')
@ApiBearerAuth()
@Controller('v1')
export class CaseworkController {
  constructor(
    private readonly readAccount: ReadAccountUseCase,
    private readonly searches: SearchQueries,
    private readonly clock: Clock,
  ) {}

  @Get('accounts/:accountId')
  @Allow('account.read')
  @ApiExtraModels(StaffAppealResponse, AppellantAppealResponse)
  @ApiOkResponse({ type: AccountResponse })
  @ApiProblems('not_found')
  @ApiOperation({
    operationId: 'getAccount',
    summary: 'Read an account’s history',
    description:
      'The account’s suspensions, appeals, refunds and waves, newest first, to read beside a case; 404 for an account Redress holds no suspension of.',
  })
  async account(
    @CurrentActor() actor: Actor,
    @Param('accountId', AccountIdParam) accountId: string,
  ): Promise<AccountResponse> {
    return toAccountResponse(actor, await this.readAccount.execute(accountId), this.clock.now());
  }

  @Get('search')
  @Allow('search.use')
  @ApiPageResponse(SearchHitResponse)
  @ApiProblems()
  @ApiOperation({
    operationId: 'search',
    summary: 'Find a case by any of its identifiers',
    description:
      'Whatever was pasted: an appeal, suspension or wave id, an enforcement reference, an account id, or the start of a wave’s name. Hits in that order, keyset-paged.',
  })
  async search(@Query() query: SearchQuery) {
    return this.searches.search(query.q, query.limit, query.cursor);
  }
}

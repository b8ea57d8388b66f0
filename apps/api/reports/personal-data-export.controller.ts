import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '@redress/auth';
import { ApiProblems } from '@redress/http';
import type { Actor } from '@redress/kernel';
import { EXPORT_SECTION_LIMIT, ExportPersonalDataUseCase } from '@redress/reports';
import { PersonalDataExportResponse } from './dto/personal-data-export.response.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/me')
export class PersonalDataExportController {
  constructor(private readonly exportPersonalData: ExportPersonalDataUseCase) {}

  @Get('export')
  @Allow('own.read')
  @ApiOperation({
    operationId: 'exportMyData',
    summary: 'Everything Redress holds about the caller, as one JSON document',
    description:
      'Suspensions (public view), appeals, the non-internal messages of their threads, evidence ' +
      'metadata, refunds, the ledger entries of the account’s books and the in-app notices — the ' +
      'appellant’s own view of each: no detector signals, internal notes or files, staff identities or ' +
      `storage locations. Each section holds at most ${EXPORT_SECTION_LIMIT} items, newest first; a ` +
      'section that had more is named in `truncated`. Available whatever the state of the suspensions.',
  })
  @ApiOkResponse({ type: PersonalDataExportResponse })
  @ApiProblems()
  export(@CurrentActor() actor: Actor): Promise<PersonalDataExportResponse> {
    return this.exportPersonalData.execute(actor.sub);
  }
}

import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Allow, CurrentActor } from '@redress/auth';
import {
  DownloadEvidenceUseCase,
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_FILE_PART,
  ListEvidenceUseCase,
  MAX_EVIDENCE_DESCRIPTION,
  type ReceivedFile,
  UploadEvidenceUseCase,
  uploadingAs,
  viewingAs,
} from '@redress/evidence';
import { ApiProblems, AppellantRateLimit, CreatedAt, Idempotent, PageQuery } from '@redress/http';
import type { Actor } from '@redress/kernel';
import type { FastifyReply } from 'fastify';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { eitherView } from '../common/views';
import { attachmentDisposition, downloadHeaders, servedContentType } from './download-headers';
import { EvidenceResponse, EvidenceStaffResponse, toEvidenceResponse } from './dto/evidence.response.dto';
import { UploadEvidenceRequest } from './dto/upload-evidence.request.dto';
import { EvidenceUploadInterceptor, ReceivedEvidenceFile } from './evidence-upload.interceptor';

const EVIDENCE_VIEW_SCHEMA = eitherView(
  getSchemaPath(EvidenceStaffResponse),
  getSchemaPath(EvidenceResponse),
);

@ApiTags('evidence')
@ApiBearerAuth()
@ApiExtraModels(EvidenceResponse, EvidenceStaffResponse)
@Controller('v1')
export class EvidenceController {
  constructor(
    private readonly uploadEvidence: UploadEvidenceUseCase,
    private readonly listEvidence: ListEvidenceUseCase,
    private readonly downloadEvidence: DownloadEvidenceUseCase,
  ) {}

  @Post('appeals/:id/evidence')
  @Allow('evidence.add')
  @AppellantRateLimit()
  @CreatedAt('/v1/evidence/{id}/content')
  @Idempotent()
  // Listed after @Idempotent so that it runs first: the idempotency key then covers every text field.
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiOperation({
    operationId: 'uploadEvidence',
    summary: 'Attach a file to an open appeal',
    description:
      'multipart/form-data with exactly one `file` part and the optional text fields `description` and ' +
      '`internal`, in any order: the whole form is read before anything is decided or stored. A second ' +
      '`file` part, a file in any other part, a field sent twice or an unknown field is a 400 ' +
      'validation_failed naming it in `errors`, and nothing is stored. The file is streamed to a ' +
      'temporary file (at most EVIDENCE_MAX_BYTES, default 10 MiB, else 413 payload_too_large), typed ' +
      'from its bytes (PDF, PNG, JPEG, WebP, UTF-8 plain text, CSV, JSON; anything else 415 ' +
      'unsupported_media_type) and its name sanitised. At most 20 files per appeal. An Idempotency-Key ' +
      'covers the path and the text fields, wherever they come in the form, not the file bytes.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'The parts may come in any order; exactly one of them is the file.',
    schema: {
      type: 'object',
      required: [EVIDENCE_FILE_PART],
      additionalProperties: false,
      properties: {
        [EVIDENCE_FILE_PART]: {
          type: 'string',
          format: 'binary',
          description: 'Exactly one part; its file name is kept, sanitised',
        },
        description: { type: 'string', maxLength: MAX_EVIDENCE_DESCRIPTION },
        internal: {
          type: 'boolean',
          description: 'Staff only (reviewer, senior_reviewer): hidden from the appellant',
        },
      },
    },
  })
  @ApiCreatedResponse({
    description: 'Stored; the caller’s view of the evidence',
    schema: EVIDENCE_VIEW_SCHEMA,
  })
  @ApiProblems(
    'not_found',
    'invalid_transition',
    'evidence_limit_reached',
    'payload_too_large',
    'unsupported_media_type',
    'rate_limited',
    'idempotency_key_reused',
    'idempotency_request_in_progress',
  )
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) appealId: string,
    @Body() fields: UploadEvidenceRequest,
    @ReceivedEvidenceFile() file: ReceivedFile | undefined,
  ): Promise<EvidenceResponse | EvidenceStaffResponse> {
    const evidence = await this.uploadEvidence.execute(actor, appealId, {
      file,
      description: fields.description,
      internal: fields.internal,
    });
    return toEvidenceResponse(evidence, uploadingAs(actor));
  }

  @Get('appeals/:id/evidence')
  @Allow('appeal.read')
  @ApiOperation({
    operationId: 'listEvidence',
    summary: 'List an appeal’s evidence',
    description:
      'Oldest first. Staff get the staff view of each item (`view: staff`, with the uploader’s `sub`); appellants the appellant view (`view: public`), without internal items.',
  })
  @ApiPageResponse(EvidenceResponse, EVIDENCE_VIEW_SCHEMA)
  @ApiProblems('not_found')
  async list(@CurrentActor() actor: Actor, @Param('id', IdParam) appealId: string, @Query() page: PageQuery) {
    const result = await this.listEvidence.execute(actor, appealId, page);
    const audience = viewingAs(actor);
    return { data: result.data.map((e) => toEvidenceResponse(e, audience)), nextCursor: result.nextCursor };
  }

  @Get('evidence/:id/content')
  @Allow('appeal.read')
  @ApiOperation({
    operationId: 'downloadEvidence',
    summary: 'Download an evidence file',
    description:
      'Served as an attachment with the detected Content-Type and `X-Content-Type-Options: nosniff`, ' +
      'after its SHA-256 is checked against the one recorded at upload (a mismatch is a 500 and ' +
      'nothing is served). `Repr-Digest` carries the hash.',
  })
  @ApiOkResponse({
    description: 'The file',
    content: Object.fromEntries(
      EVIDENCE_CONTENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  @ApiProblems('not_found', 'internal_error')
  async content(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { evidence, content } = await this.downloadEvidence.execute(actor, id);
    reply.headers(downloadHeaders(evidence));
    return new StreamableFile(content, {
      type: servedContentType(evidence),
      disposition: attachmentDisposition(evidence.fileName),
      length: evidence.sizeBytes,
    });
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
  ApiOperation,
} from '@nestjs/swagger';
import { Allow, CurrentActor } from '@redress/auth';
import { ApiProblems, CreatedAt, Idempotent, IfMatch, PageQuery } from '@redress/http';
import { assertVisible, can, type Actor } from '@redress/kernel';
import {
  ApproveRefundUseCase,
  MarkRefundPaidUseCase,
  ProposeRefundUseCase,
  RefundQueries,
  RejectRefundUseCase,
  RetryRefundUseCase,
} from '@redress/refunds';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { eitherView } from '../common/views';
import {
  MarkRefundPaidRequest,
  ProposeRefundRequest,
  RefundListQuery,
  RejectRefundRequest,
} from './dto/refund.request.dto';
import {
  RefundPublicResponse,
  RefundStaffResponse,
  toPublicRefund,
  toStaffRefund,
} from './dto/refund.response.dto';

@ApiTags('refunds')
@ApiBearerAuth()
@Controller('v1')
export class RefundsController {
  constructor(
    private readonly propose: ProposeRefundUseCase,
    private readonly approve: ApproveRefundUseCase,
    private readonly reject: RejectRefundUseCase,
    private readonly markPaid: MarkRefundPaidUseCase,
    private readonly retry: RetryRefundUseCase,
    private readonly queries: RefundQueries,
  ) {}

  @Post('refunds')
  @Allow('refund.propose')
  @CreatedAt('/v1/refunds/{id}')
  @Idempotent()
  @ApiCreatedResponse({ type: RefundStaffResponse, description: 'Proposed; waits for a finance approval' })
  @ApiProblems(
    'not_found',
    'refund_exceeds_balance',
    'idempotency_key_reused',
    'idempotency_request_in_progress',
  )
  @ApiOperation({
    operationId: 'proposeRefund',
    summary: 'Propose a refund',
    description:
      'A reviewer proposes a refund of (part of) a suspension’s frozen balance; finance approves it, another person than the proposer.',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: ProposeRefundRequest,
  ): Promise<RefundStaffResponse> {
    return toStaffRefund(await this.propose.execute(actor, body));
  }

  @Get('refunds')
  @Allow('refund.list')
  @ApiPageResponse(RefundStaffResponse)
  @ApiProblems()
  @ApiOperation({
    operationId: 'listRefunds',
    summary: 'List refunds',
    description: 'Finance and admins: every refund, filtered by status or suspension, newest first.',
  })
  async list(@Query() query: RefundListQuery) {
    const page = await this.queries.list(
      { status: query.status, suspensionId: query.suspensionId },
      query.limit,
      query.cursor,
    );
    return { data: page.data.map(toStaffRefund), nextCursor: page.nextCursor };
  }

  @Get('me/refunds')
  @Allow('own.read')
  @ApiPageResponse(RefundPublicResponse)
  @ApiProblems()
  @ApiOperation({
    operationId: 'listMyRefunds',
    summary: 'List the caller’s own refunds',
    description: 'Appellants only: the public view of the refunds of their account.',
  })
  async mine(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    const page = await this.queries.list({ accountId: actor.sub }, query.limit, query.cursor);
    return { data: page.data.map(toPublicRefund), nextCursor: page.nextCursor };
  }

  @Get('refunds/:id')
  @Allow('refund.read')
  @ApiExtraModels(RefundPublicResponse, RefundStaffResponse)
  @ApiOkResponse({
    description: 'Appellants get the public view of their own refund; staff the full view',
    schema: eitherView(getSchemaPath(RefundStaffResponse), getSchemaPath(RefundPublicResponse)),
  })
  @ApiProblems('not_found')
  @ApiOperation({
    operationId: 'getRefund',
    summary: 'Read a refund',
    description:
      'Staff get the staff view (`view: staff`, with who proposed and approved it); the appellant the public view (`view: public`) of their own refund only.',
  })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
  ): Promise<RefundPublicResponse | RefundStaffResponse> {
    const refund = assertVisible(actor, await this.queries.get(id), 'refund.read_any', 'Refund');
    return can(actor, 'refund.read_any') ? toStaffRefund(refund) : toPublicRefund(refund);
  }

  @Post('refunds/:id/approve')
  @HttpCode(200)
  @Allow('refund.settle')
  @ApiOkResponse({
    type: RefundStaffResponse,
    description: 'Approved: customer_frozen → refund_payable, the person is told, the payout is queued',
  })
  @ApiProblems('four_eyes_required', 'not_found', 'invalid_transition', 'version_mismatch')
  @ApiOperation({
    operationId: 'approveRefund',
    summary: 'Approve a refund',
    description:
      'Four-eyes: not the person who proposed it. Moves the amount from customer_frozen to refund_payable, tells the person, and queues the payout.',
  })
  async approveOne(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @IfMatch() expectedVersion?: number,
  ): Promise<RefundStaffResponse> {
    return toStaffRefund(await this.approve.execute(actor, id, expectedVersion));
  }

  @Post('refunds/:id/reject')
  @HttpCode(200)
  @Allow('refund.settle')
  @ApiOkResponse({ type: RefundStaffResponse })
  @ApiProblems('not_found', 'invalid_transition', 'version_mismatch')
  @ApiOperation({
    operationId: 'rejectRefund',
    summary: 'Reject a refund',
    description: 'With a reason; the amount stays frozen.',
  })
  async rejectOne(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() body: RejectRefundRequest,
    @IfMatch() expectedVersion?: number,
  ): Promise<RefundStaffResponse> {
    return toStaffRefund(await this.reject.execute(actor, id, body.reason, expectedVersion));
  }

  @Post('refunds/:id/mark-paid')
  @HttpCode(200)
  @Allow('refund.settle')
  @ApiOkResponse({
    type: RefundStaffResponse,
    description: 'Manual provider only: records the payment (refund_payable → paid_out)',
  })
  @ApiProblems('not_found', 'invalid_transition', 'version_mismatch')
  @ApiOperation({
    operationId: 'markRefundPaid',
    summary: 'Record a refund as paid',
    description:
      'Manual payout provider only: records the payment with the provider’s reference (refund_payable → paid_out).',
  })
  async markPaidOne(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() body: MarkRefundPaidRequest,
    @IfMatch() expectedVersion?: number,
  ): Promise<RefundStaffResponse> {
    return toStaffRefund(await this.markPaid.execute(actor, id, body.providerRef, expectedVersion));
  }

  @Post('refunds/:id/retry')
  @HttpCode(200)
  @Allow('refund.settle')
  @ApiOkResponse({ type: RefundStaffResponse, description: 'A failed payout goes back to processing' })
  @ApiProblems('not_found', 'invalid_transition', 'version_mismatch')
  @ApiOperation({
    operationId: 'retryRefund',
    summary: 'Retry a failed payout',
    description: 'A failed payout goes back to processing.',
  })
  async retryOne(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @IfMatch() expectedVersion?: number,
  ): Promise<RefundStaffResponse> {
    return toStaffRefund(await this.retry.execute(actor, id, expectedVersion));
  }
}

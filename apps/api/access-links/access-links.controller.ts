import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExchangeAccessLinkUseCase, RequestAccessLinkUseCase } from '@redress/access';
import { AccessTokenIssuer, Public } from '@redress/auth';
import { AppConfig } from '@redress/config';
import { ApiPublicProblems } from '@redress/http';
import { Clock } from '@redress/kernel';
import { AccessLinkThrottle } from './access-link-throttle';
import {
  AccessLinkAccepted,
  AccessLinkExchangeRequest,
  AccessLinkRequest,
  AccessTokenResponse,
} from './dto/access-link.dto';

/**
 * The appellant's way in without the platform's sign-in (docs/api.md, "Access links"): a link e-mailed
 * to the address the suspension notices went to, exchanged once for an access token of Redress's own.
 */
@ApiTags('access')
@Public()
@Controller('v1/access-links')
export class AccessLinksController {
  constructor(
    private readonly requestLink: RequestAccessLinkUseCase,
    private readonly exchangeLink: ExchangeAccessLinkUseCase,
    private readonly tokens: AccessTokenIssuer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(202)
  @UseGuards(AccessLinkThrottle)
  @ApiAcceptedResponse({ type: AccessLinkAccepted })
  @ApiPublicProblems('rate_limited')
  @ApiOperation({
    operationId: 'requestAccessLinks',
    summary: 'E-mail one-time sign-in links to an address',
    description:
      'No token needed. Always 202 with the same body, whether or not the address is known: the lookup and the e-mail happen later, in the worker. ' +
      'If suspensions carry this `accountEmail`, each of their accounts is e-mailed a link `PUBLIC_URL/appeal/access#<token>` in its suspension’s locale, ' +
      'usable once within ACCESS_LINK_TTL_MINUTES; with `suspensionId`, only that suspension’s account. ' +
      'Limited per address (ACCESS_LINK_REQUESTS_PER_ADDRESS) and per client IP (ACCESS_LINK_REQUESTS_PER_IP) per hour.',
    security: [],
  })
  async request(@Body() body: AccessLinkRequest, @Req() req: { id?: string }): Promise<AccessLinkAccepted> {
    await this.requestLink.execute({ email: body.email, suspensionId: body.suspensionId, requestId: req.id });
    return {
      status: 'accepted',
      message:
        'If this address belongs to a suspended account, a sign-in link is on its way to it. ' +
        `The link works once, for ${this.config.access.linkTtlMinutes} minutes.`,
    };
  }

  @Post('exchange')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenResponse })
  @ApiPublicProblems('unauthenticated')
  @ApiOperation({
    operationId: 'exchangeAccessLink',
    summary: 'Exchange a one-time link for an access token',
    description:
      'No token needed. Uses the link once and answers an access token for its account: issuer `redress-access`, the `appellant` role only, valid ACCESS_SESSION_HOURS. ' +
      'Send it as `Authorization: Bearer <accessToken>` to the appellant routes; staff routes answer 403, other accounts’ resources 404. ' +
      'A link that was used, has expired or was never sent is a 401 `unauthenticated`.',
    security: [],
  })
  async exchange(@Body() body: AccessLinkExchangeRequest): Promise<AccessTokenResponse> {
    const { accountId } = await this.exchangeLink.execute(body.token);
    return this.tokens.issue(accountId, this.clock.now());
  }
}

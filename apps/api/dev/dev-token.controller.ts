import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, signToken } from '@redress/auth';
import { AppConfig } from '@redress/config';
import { ApiProblems } from '@redress/http';
import { Clock } from '@redress/kernel';
import { DevTokenRequest, DevTokenResponse } from './dto/dev-token.dto';

const DEFAULT_TTL_SECONDS = 8 * 3600;

/**
 * Lets the console sign in as any role on a developer's machine. It hands out tokens to anyone who asks,
 * so DevModule registers it only while the built-in development secret is in use (a token it mints then
 * works nowhere else), and the API then listens on 127.0.0.1 only. It is left out of the OpenAPI
 * document, which is the same in every environment (docs/api.md, The OpenAPI document).
 */
@ApiExcludeController()
@ApiTags('development')
@Public()
@Controller('v1/dev')
export class DevTokenController {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Post('token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Development only: a token for any subject and roles',
    description:
      'Registered only with NODE_ENV=development and no configured key source (AUTH_JWT_SECRET, ' +
      'AUTH_JWT_PUBLIC_KEY): tokens are signed with the built-in development secret, and the API ' +
      'then listens on 127.0.0.1 only.',
  })
  @ApiOkResponse({ type: DevTokenResponse })
  @ApiProblems()
  issue(@Body() body: DevTokenRequest): DevTokenResponse {
    const ttl = body.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    return {
      token: signToken(this.config, { sub: body.sub, roles: body.roles }, { expiresInSeconds: ttl }),
      expiresAt: new Date(this.clock.now().getTime() + ttl * 1000).toISOString(),
    };
  }
}

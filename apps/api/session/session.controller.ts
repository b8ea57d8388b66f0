import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '@redress/auth';
import { ApiProblems } from '@redress/http';
import { ROLES, type Actor, type Role } from '@redress/kernel';

export class SessionResponse {
  @ApiProperty({ description: 'The subject, read from the configured subject claim' }) sub: string;
  @ApiProperty({
    type: [String],
    enum: ROLES,
    description: 'Redress’s roles, mapped from the configured roles claim and role map',
  })
  roles: Role[];
}

@ApiTags('access')
@ApiBearerAuth()
@Controller('v1')
export class SessionController {
  @Get('session')
  @Allow('session.read')
  @ApiOkResponse({ type: SessionResponse })
  @ApiProblems()
  @ApiOperation({
    operationId: 'getSession',
    summary: 'Who the caller is',
    description:
      'The subject and roles the API reads from the caller’s token, through the same claim mapping as every route (AUTH_SUBJECT_CLAIM, AUTH_ROLES_CLAIM, AUTH_ROLE_MAP): what the console shows and links by. A token without a Redress role is a 403.',
  })
  session(@CurrentActor() actor: Actor): SessionResponse {
    return { sub: actor.sub, roles: actor.roles };
  }
}

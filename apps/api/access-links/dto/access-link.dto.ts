import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AccessLinkRequest {
  @ApiProperty({
    description: 'The e-mail address the suspension notices were sent to',
    format: 'email',
    maxLength: 320,
    example: 'person@example.com',
  })
  @Transform(trim)
  @IsString()
  @MaxLength(320)
  @IsEmail()
  email: string;

  @ApiPropertyOptional({
    description: 'Only the account of this suspension (when it carries the address) gets a link',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  suspensionId?: string;
}

export class AccessLinkAccepted {
  @ApiProperty({ enum: ['accepted'], description: 'Always `accepted`, whether or not the address is known' })
  status: 'accepted';
  @ApiProperty({
    description: 'What happens next, the same sentence for every request',
    example:
      'If this address belongs to a suspended account, a sign-in link is on its way to it. The link works once, for 30 minutes.',
  })
  message: string;
}

export class AccessLinkExchangeRequest {
  @ApiProperty({
    description: 'The token from the link’s fragment (after `#` in `PUBLIC_URL/appeal/access#<token>`)',
    minLength: 43,
    maxLength: 43,
    example: 'q3Vd8m1yXc0Jr9bQ2kP5sT7uW4zA6hE8nL1oG3iF0cY',
  })
  @IsString()
  @Length(1, 256)
  token: string;
}

export class AccessTokenResponse {
  @ApiProperty({
    description:
      'A bearer token for the appellant routes of this account only (issuer `redress-access`, HS256); it is not refreshed',
    example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlcyI6WyJhcHBlbGxhbnQiXX0.c2lnbmF0dXJl',
  })
  accessToken: string;
  @ApiProperty({ format: 'date-time', description: 'When the access token expires (ACCESS_SESSION_HOURS)' })
  expiresAt: string;
  @ApiProperty({ description: 'The account the link was sent for: the token’s subject', example: 'acct_1' })
  accountId: string;
}

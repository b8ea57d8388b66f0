import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TrimmedText } from '@redress/http';
import { ROLES, type Role } from '@redress/kernel';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
} from 'class-validator';

export class DevTokenRequest {
  @ApiProperty({ minLength: 1, maxLength: 255, example: 'rev_ada' })
  @TrimmedText(1, 255)
  sub: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['reviewer'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ minimum: 60, maximum: 86400, default: 28800, description: 'Lifetime in seconds' })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(86400)
  ttlSeconds?: number;
}

export class DevTokenResponse {
  @ApiProperty({ description: 'A bearer token signed with the configured HS256 secret' }) token: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

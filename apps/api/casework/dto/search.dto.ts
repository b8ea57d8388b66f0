import { ApiProperty } from '@nestjs/swagger';
import { SEARCH_HIT_KINDS, SEARCH_MATCHES, type SearchHit } from '@redress/casework';
import { PageQuery, TrimmedText } from '@redress/http';

export class SearchQuery extends PageQuery {
  @ApiProperty({
    minLength: 1,
    maxLength: 255,
    description:
      'An appeal, suspension or wave id, an enforcement reference (externalRef), an account id, or the start of a wave’s name',
  })
  @TrimmedText(1, 255)
  q: string;
}

export class SearchHitResponse implements SearchHit {
  @ApiProperty({ enum: SEARCH_HIT_KINDS }) kind: SearchHit['kind'];
  @ApiProperty({ description: 'The id to open it by (the account id for an account)' }) id: string;
  @ApiProperty({
    description:
      'The appeal’s status, the suspension’s enforcement reference, the account id or the wave’s name',
  })
  label: string;
  @ApiProperty({ enum: SEARCH_MATCHES, description: 'Which of its identifiers the text matched' })
  matched: SearchHit['matched'];
  @ApiProperty({ type: String, nullable: true }) accountId: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The appeal to open: the appeal itself, or the suspension’s appeal',
  })
  appealId: string | null;
}

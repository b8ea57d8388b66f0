import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ACCOUNT_SECTION_LIMIT, type AccountContext } from '@redress/casework';
import { can, type Actor } from '@redress/kernel';
import {
  AppellantAppealResponse,
  StaffAppealResponse,
  toAppellantAppeal,
  toStaffAppeal,
} from '../../appeals/dto/appeal.response.dto';
import { eitherView } from '../../common/views';
import { RefundStaffResponse, toStaffRefund } from '../../refunds/dto/refund.response.dto';
import { SuspensionStaffResponse, toStaffSuspension } from '../../suspensions/dto/suspension.response.dto';
import { toWaveResponse, WaveResponse } from '../../waves/dto/wave.dto';

export class AccountResponse {
  @ApiProperty() accountId: string;
  @ApiProperty({ type: [SuspensionStaffResponse], description: 'Newest first' })
  suspensions: SuspensionStaffResponse[];
  @ApiProperty({
    type: 'array',
    items: eitherView(getSchemaPath(StaffAppealResponse), getSchemaPath(AppellantAppealResponse)),
    description: 'Newest first; the staff view for those who read every appeal, the public view for finance',
  })
  appeals: (StaffAppealResponse | AppellantAppealResponse)[];
  @ApiProperty({ type: [RefundStaffResponse], description: 'Newest first' }) refunds: RefundStaffResponse[];
  @ApiProperty({ type: [WaveResponse], description: 'The waves its suspensions belong to, newest first' })
  waves: WaveResponse[];
  @ApiProperty({
    type: [String],
    enum: ['suspensions', 'appeals', 'refunds'],
    description: `The sections cut at ${ACCOUNT_SECTION_LIMIT} records`,
  })
  truncated: string[];
}

export function toAccountResponse(actor: Actor, a: AccountContext, now: Date): AccountResponse {
  const staffAppeals = can(actor, 'appeal.read_any');
  return {
    accountId: a.accountId,
    suspensions: a.suspensions.map((s) => toStaffSuspension(s, now)),
    appeals: a.appeals.map((x) => (staffAppeals ? toStaffAppeal(x) : toAppellantAppeal(x))),
    refunds: a.refunds.map(toStaffRefund),
    waves: a.waves.map(toWaveResponse),
    truncated: a.truncated,
  };
}

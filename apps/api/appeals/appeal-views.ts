import { can, type Actor } from '@redress/kernel';
import type { Appeal } from '@redress/appeals';
import {
  toAppellantAppeal,
  toStaffAppeal,
  type AppellantAppealResponse,
  type StaffAppealResponse,
} from './dto/appeal.response.dto';

/** Who sees every appeal sees the staff view of each. */
export const isStaffViewer = (actor: Actor): boolean => can(actor, 'appeal.read_any');

/** The caller's view of an appeal: staff see triage data and identities, appellants do not. */
export const viewOf = (actor: Actor, appeal: Appeal): AppellantAppealResponse | StaffAppealResponse =>
  isStaffViewer(actor) ? toStaffAppeal(appeal) : toAppellantAppeal(appeal);

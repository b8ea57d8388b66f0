import { hasRole, type Actor } from '@redress/kernel';
import type { Appeal } from '@redress/appeals';
import {
  toAppellantAppeal,
  toStaffAppeal,
  type AppellantAppealResponse,
  type StaffAppealResponse,
} from './dto/appeal.response.dto';

export const isStaffViewer = (actor: Actor): boolean =>
  hasRole(actor, 'reviewer', 'senior_reviewer', 'admin');

/** The caller's view of an appeal: staff see triage data and identities, appellants do not. */
export const viewOf = (actor: Actor, appeal: Appeal): AppellantAppealResponse | StaffAppealResponse =>
  isStaffViewer(actor) ? toStaffAppeal(appeal) : toAppellantAppeal(appeal);

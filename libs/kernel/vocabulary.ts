/** The terms suspensions, appeals and every event share, so a notice and its source cannot disagree. */

export const REASON_CODES = [
  'model_distillation',
  'automated_extraction',
  'tos_rival_training',
  'region_restriction',
  'account_sharing',
  'payment_fraud',
  'spam',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export const DECISION_OUTCOMES = ['upheld', 'overturned', 'modified'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export type AppealLevel = 1 | 2;

/** Who opened an appeal: the person it concerns (filed), or a sampled review of a detector (docs/detectors.md). */
export const APPEAL_ORIGINS = ['appellant', 'sample'] as const;
export type AppealOrigin = (typeof APPEAL_ORIGINS)[number];

/** The detector version that flagged a suspension, as the enforcement system names it. */
export interface DetectorRef {
  name: string;
  version: string;
}

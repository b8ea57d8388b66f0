/** A valid suspension request; override what a test cares about. */
export function suspensionRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = Math.random().toString(36).slice(2, 10);
  return {
    accountId: `acct_${n}`,
    externalRef: `enf-${n}`,
    reasonCode: 'model_distillation',
    policyClause: 'Terms of Service §4.2: no training of rival models on outputs',
    statementOfReasons: 'Our detector saw 2.1M completions with distillation-shaped prompts over 3 days.',
    automatedDetection: true,
    automatedDecision: true,
    signals: { detector: 'distill-v3', score: 0.97 },
    frozenBalance: { amountMinor: 12500, currency: 'USD' },
    accountEmail: `${n}@example.com`,
    locale: 'en',
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';
import { EVIDENCE_MAX_BYTES, evidenceProblem } from './evidence-rules';

describe('evidence checks before sending', () => {
  it('lets the accepted kinds through and refuses others and oversized files', () => {
    expect(evidenceProblem({ name: 'Schedule.TXT', size: 10 })).toBeNull();
    expect(evidenceProblem({ name: 'scan.jpeg', size: EVIDENCE_MAX_BYTES })).toBeNull();
    expect(evidenceProblem({ name: 'scan.pdf', size: EVIDENCE_MAX_BYTES + 1 })).toBe('too_large');
    expect(evidenceProblem({ name: 'tool.exe', size: 10 })).toBe('wrong_type');
  });
});

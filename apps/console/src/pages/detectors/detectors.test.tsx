import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DetectorVersion } from '../../api/types';
import { I18nProvider } from '../../i18n/i18n';
import { sizeFor, WIDTHS } from './draw-sample';
import { axisScale, ErrorBar } from './error-bar';

function version(overrides: Partial<DetectorVersion> = {}): DetectorVersion {
  return {
    name: 'vpn-relay',
    version: 'v7',
    suspensions: 2000,
    active: 2000,
    appealsFiled: 0,
    appealsDecided: 0,
    appealsOverturned: 0,
    appealRate: 0,
    overturnRate: null,
    sample: { opened: 0, open: 0, reviewed: 0, overturned: 0, silent: 2000, falsePositiveRate: null },
    falsePositiveRate: { estimate: null, low: 0, high: 1 },
    flagged: false,
    flagChangedAt: null,
    weekly: [],
    ...overrides,
  };
}

describe('drawing a sample', () => {
  it('asks for more cases the narrower the interval, within what can be drawn', () => {
    const sizes = WIDTHS.map((w) => sizeFor(version(), w));
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    // about ±5 points around 25 % from 2,000 people: a couple of hundred cases
    expect(sizeFor(version(), 10)).toBeGreaterThan(200);
    expect(sizeFor(version(), 10)).toBeLessThan(300);
    expect(sizeFor(version({ sample: { ...version().sample, silent: 40 } }), 4)).toBe(40);
    expect(sizeFor(version({ suspensions: 1e6, sample: { ...version().sample, silent: 1e6 } }), 4)).toBe(
      1000,
    );
  });
});

describe('error bars', () => {
  it('read as the estimate and its 95 % interval', () => {
    render(
      <I18nProvider>
        <ErrorBar interval={{ estimate: 0.25, low: 0.196, high: 0.314 }} scale={0.4} />
      </I18nProvider>,
    );
    expect(screen.getByText('25% (95 %: 19.6%–31.4%)')).toBeTruthy();
  });

  it('share an axis up to the highest upper limit, in tenths', () => {
    const high = (h: number) => version({ falsePositiveRate: { estimate: h / 2, low: 0, high: h } });
    expect(axisScale([high(0.05), high(0.31)])).toBe(0.4);
    expect(axisScale([high(1)])).toBe(1);
  });
});

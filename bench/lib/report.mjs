// The results: a table on stdout and bench/results/<timestamp>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './context.mjs';
import { round } from './stats.mjs';

export class Report {
  rows = [];
  details = {};

  /**
   * One figure. `met` is true/false against its target, or null for context figures without one.
   * `ratio` defaults to redress / baseline when both are numbers.
   */
  add({ scenario, figure, unit = '', redress, baseline = null, ratio, target = '—', met = null }) {
    const r =
      ratio ??
      (typeof redress === 'number' && typeof baseline === 'number' && baseline > 0
        ? redress / baseline
        : null);
    this.rows.push({ scenario, figure, unit, redress, baseline, ratio: r, target, met });
  }

  detail(key, value) {
    this.details[key] = value;
  }

  print() {
    const show = (v, unit = '') =>
      v === null || v === undefined
        ? '—'
        : typeof v === 'number'
          ? `${round(v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2).toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`
          : String(v);
    const header = ['scenario', 'figure', 'Redress', 'baseline', 'ratio', 'target', 'met?'];
    const body = this.rows.map((r) => [
      r.scenario,
      r.figure,
      show(r.redress, r.unit),
      show(r.baseline, r.unit),
      r.ratio === null ? '—' : `${round(r.ratio, 2)}×`,
      r.target,
      r.met === null ? '—' : r.met ? 'yes' : 'NO',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
    const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    const lines = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
    process.stdout.write(`\n${lines.join('\n')}\n`);
    return lines.join('\n');
  }

  write(ctx, extra = {}) {
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${ctx.startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
    };
    writeFileSync(
      file,
      `${JSON.stringify({ startedAt: ctx.startedAt, finishedAt: new Date(), machine, ...extra, rows: this.rows, details: this.details }, null, 2)}\n`,
    );
    return file;
  }
}

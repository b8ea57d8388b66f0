import { eventually, suspendAndAppeal, suspensionRequest, TestApp } from '@redress/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { propose, suspend } from '../refunds-support';

const TOKEN = 'metrics-scrape-token-0123456789';
const RATIONALE = 'The VPN-relay detector misfired on a corporate proxy range.';

/** The value of one sample of a Prometheus text scrape, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((w) => present.includes(w))) return Number(match[3]);
  }
  return undefined;
}

const DOCKER = join(__dirname, '..', '..', 'docker');
/** Series Prometheus itself provides, which no process exposes. */
const PROMETHEUS_OWN = new Set(['up']);

/** The metric names an expression reads (PromQL functions and label names are not `name{` or bare `redress_`). */
function metricsIn(expr: string): string[] {
  const names =
    expr.match(/\b(redress_[a-z_]+|process_[a-z_]+|nodejs_[a-z_]+|up)\b(?=\s*(\{|\[|\)|$|\s|>|=|\*))/g) ?? [];
  return [...new Set(names)];
}

/** The families of a scrape (# TYPE lines), with the series a histogram adds. */
function families(text: string): Set<string> {
  const names = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].flatMap(([, name, type]) =>
    type === 'histogram' ? [name, `${name}_bucket`, `${name}_count`, `${name}_sum`] : [name],
  );
  return new Set(names);
}

describe('Metrics on both processes after a small story', () => {
  let app: TestApp;
  const scrape = async (url: string | ReturnType<TestApp['api']['getHttpServer']>) =>
    (await request(url).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;

  beforeAll(async () => {
    app = await TestApp.start('observability_metrics', {
      env: {
        METRICS_TOKEN: TOKEN,
        // every webhook fails (nothing listens there): the first attempt is retried, the second is dead
        NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/hooks',
        NOTIFY_MAX_ATTEMPTS: '2',
        // an appeal is past its deadline about a second after it is filed
        APPEAL_DECISION_SLA_HOURS: '0.0003',
        RATE_LIMIT_PER_MINUTE: '100000',
      },
    });
  });
  afterAll(() => app.close());

  it('answers /metrics only with METRICS_TOKEN, on the API and on the worker', async () => {
    for (const url of [app.api.getHttpServer(), app.workerUrl]) {
      await request(url).get('/metrics').expect(401);
      await request(url).get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789').expect(401);
    }
    await request(app.workerUrl).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(app.workerUrl).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('shows every family with the story in it: a dead delivery, a breached SLA, a bulk job, a refund', async () => {
    const filed = await suspendAndAppeal(app);
    const { id: suspensionId } = await suspend(app, 5000);
    await propose(app, suspensionId, 1000).expect(201);

    const enforcement = app.bearer('enforcer_1', 'enforcement');
    const wave = await app.http
      .post('/v1/waves')
      .set(enforcement)
      .send({ name: 'metrics-wave', detector: 'vpn-relay-v2', description: 'Corporate proxies flagged' })
      .expect(201);
    const items = [0, 1, 2].map((i) => {
      const { waveId: _w, ...item } = suspensionRequest({
        externalRef: `metrics-${i}`,
        accountId: `metrics_acct_${i}`,
      });
      return item;
    });
    await app.http
      .post('/v1/suspensions/batch')
      .set(enforcement)
      .send({ waveId: wave.body.id, items })
      .expect(200);
    const senior = app.bearer('sen_1', 'senior_reviewer');
    const accepted = await app.http
      .post(`/v1/waves/${wave.body.id}/bulk-decision`)
      .set(senior)
      .send({ outcome: 'overturned', rationale: RATIONALE, includeUnappealed: true })
      .expect(202);
    await eventually(
      async () =>
        (await app.http.get(`/v1/jobs/${accepted.body.jobId}`).set(senior)).body.state === 'completed',
      20_000,
      'the bulk job',
    );

    const worker = await eventually(
      async () => {
        const text = await scrape(app.workerUrl);
        const done =
          (sample(text, 'redress_deliveries_total', { channel: 'webhook', outcome: 'dead' }) ?? 0) > 0 &&
          (sample(text, 'redress_sla_breached_total') ?? 0) > 0 &&
          sample(text, 'redress_bulk_job_items_total', { outcome: 'processed' }) === 3;
        return done ? text : undefined;
      },
      30_000,
      'the worker to count the story',
    );
    expect(
      sample(worker, 'redress_deliveries_total', { channel: 'webhook', outcome: 'retried' }),
    ).toBeGreaterThan(0);
    const api = await scrape(app.api.getHttpServer());
    expect(sample(api, 'redress_refunds_total', { status: 'proposed' })).toBe(1);
    expect(
      sample(api, 'redress_http_request_duration_seconds_count', { route: '/v1/appeals', status: '201' }),
    ).toBe(1);

    for (const text of [api, worker]) {
      expect(sample(text, 'redress_outbox_backlog', { lane: 'default' })).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'redress_outbox_backlog', { lane: 'bulk' })).toBeGreaterThanOrEqual(0);
      expect(
        sample(text, 'redress_outbox_oldest_unprocessed_seconds', { lane: 'default' }),
      ).toBeGreaterThanOrEqual(0);
      for (const state of ['waiting', 'active', 'delayed', 'failed'])
        expect(sample(text, 'redress_queue_jobs', { queue: 'deliveries', state })).toBeGreaterThanOrEqual(0);
      // the appeal filed above waits, breached, at the first level
      expect(sample(text, 'redress_appeals_open', { status: 'submitted', level: '1' })).toBe(1);
      expect(sample(text, 'redress_appeals_open', { status: 'escalated', level: '2' })).toBe(0);
      expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    }
    const exposed = new Set([...families(api), ...families(worker), ...PROMETHEUS_OWN]);
    // the ready-made operations files read only what the processes expose
    const rules = parse(readFileSync(join(DOCKER, 'prometheus', 'alerts.yml'), 'utf8')) as {
      groups: {
        rules: {
          alert: string;
          expr: string;
          labels: { severity: string };
          annotations: { summary: string };
        }[];
      }[];
    };
    const alerts = rules.groups.flatMap((g) => g.rules);
    expect(alerts.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'RedressOutboxLagging',
        'RedressDeadDeliveriesRising',
        'RedressSlaBreaches',
        'RedressWorkerNotScraped',
      ]),
    );
    const dashboard = JSON.parse(readFileSync(join(DOCKER, 'grafana', 'redress-dashboard.json'), 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const expressions = [
      ...alerts.map((r) => ({ where: `alert ${r.alert}`, expr: r.expr })),
      ...dashboard.panels.flatMap((p) => p.targets.map((t) => ({ where: `panel ${p.title}`, expr: t.expr }))),
    ];
    for (const { where, expr } of expressions) {
      expect({ where, names: metricsIn(expr).length > 0 }).toEqual({ where, names: true });
      expect({ where, unknown: metricsIn(expr).filter((name) => !exposed.has(name)) }).toEqual({
        where,
        unknown: [],
      });
    }
    for (const rule of alerts) {
      expect(['page', 'warning']).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toBeTruthy();
    }

    const [{ sla_breached }] = await app.query<{ sla_breached: boolean }>(
      'SELECT sla_breached FROM appeals WHERE id = $1',
      [filed.appealId],
    );
    expect(sla_breached).toBe(true);
  });
});

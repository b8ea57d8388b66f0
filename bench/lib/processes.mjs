// The API, the worker and the baseline server, each its own OS process, as in production.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './context.mjs';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Environment of the API and worker processes (the variables of libs/config/env.schema.ts). */
export function redressEnv(ctx, extra = {}) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: ctx.databaseUrl,
    REDIS_URL: ctx.redisUrl,
    REDIS_KEY_PREFIX: ctx.redisPrefix,
    AUTH_JWT_SECRET: ctx.jwtSecret,
    AUDIT_SIGNING_KEY: ctx.auditSigningKey,
    RATE_LIMIT_PER_MINUTE: '100000',
    SWAGGER_ENABLED: 'false',
    // the benchmark scrapes nothing; production otherwise wants METRICS_TOKEN
    METRICS_PUBLIC: 'true',
    // the wave-notice pace may be varied from the command line (README, Performance)
    ...(process.env.BULK_NOTICES_PER_SECOND && {
      BULK_NOTICES_PER_SECOND: process.env.BULK_NOTICES_PER_SECOND,
    }),
    ...extra,
  };
}

export class NodeProcess {
  constructor(name, entry, env, logDir) {
    this.name = name;
    this.logPath = join(logDir, `${name}.log`);
    const log = createWriteStream(this.logPath);
    // BENCH_PROFILE=api,worker writes V8 CPU profiles of those processes next to their logs.
    const profiled = (process.env.BENCH_PROFILE ?? '').split(',').includes(name);
    const flags = profiled
      ? ['--cpu-prof', `--cpu-prof-dir=${logDir}`, `--cpu-prof-name=${name}.cpuprofile`]
      : [];
    this.child = spawn(process.execPath, [...flags, entry], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.output = '';
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream.on('data', (chunk) => {
        log.write(chunk);
        if (this.output.length < 64_000) this.output += chunk;
      });
    }
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  get pid() {
    return this.child.pid;
  }

  get running() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resident set size in MB, from /proc. */
  rssMb() {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
  }

  /** CPU time used so far (user + system), in seconds, from /proc (clock ticks of 1/100 s). */
  cpuSeconds() {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  /** Waits until `ready()` holds, failing early (with the log) if the process exits. */
  async waitUntil(ready, what, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running)
        throw new Error(`${this.name} exited before ${what}; log ${this.logPath}:\n${this.output}`);
      if (await ready().catch(() => false)) return;
      if (Date.now() > deadline)
        throw new Error(`${this.name}: no ${what} after ${timeoutMs} ms; log ${this.logPath}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop() {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.running && this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}

const httpReady = (url) => async () => (await fetch(url)).ok;

export async function startApi(ctx, logDir, extraEnv = {}) {
  const port = await freePort();
  const api = new NodeProcess(
    'api',
    'dist/apps/api/main.js',
    redressEnv(ctx, { PORT: String(port), ...extraEnv }),
    logDir,
  );
  api.url = `http://127.0.0.1:${port}`;
  await api.waitUntil(httpReady(`${api.url}/health/ready`), 'readiness');
  return api;
}

export async function startWorker(ctx, logDir, extraEnv = {}) {
  const worker = new NodeProcess('worker', 'dist/apps/worker/main.js', redressEnv(ctx, extraEnv), logDir);
  await worker.waitUntil(async () => worker.output.includes('redress-worker started'), 'start');
  return worker;
}

export async function startBaseline(ctx, logDir) {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    PORT: String(port),
    DATABASE_URL: ctx.databaseUrl,
    AUTH_JWT_SECRET: ctx.jwtSecret,
    POOL_SIZE: '20', // Redress's DATABASE_POOL_SIZE default: the same number of connections
  };
  const baseline = new NodeProcess('baseline', 'bench/baseline/server.mjs', env, logDir);
  baseline.url = `http://127.0.0.1:${port}`;
  await baseline.waitUntil(httpReady(`${baseline.url}/health`), 'readiness');
  return baseline;
}

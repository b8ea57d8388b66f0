import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AppProcessOptions {
  /**
   * Keep what the process writes to stdout and stderr in `output` instead of passing it through, with
   * LOG_LEVEL debug so that the output holds every line the app can log.
   */
  captureOutput?: boolean;
  /** How long it may take to start (default a minute): longer where a test starts several at once. */
  startTimeoutMs?: number;
}

const ROOT = join(__dirname, '..', '..');
/** What main.ts writes once the app serves: the API listening, the worker taking jobs. */
const STARTED = { api: 'redress-api listening', worker: 'redress-worker started' };
// the child compiles the whole app on the fly: slow on a busy machine
const START_TIMEOUT_MS = 60_000;

/**
 * The API or the worker as its own OS process, started through its real `main.ts` (TypeScript compiled
 * on the fly by swc, as jest does), so that a test can send it real signals: SIGTERM to watch it shut
 * down gracefully, SIGKILL to watch it die mid-work.
 */
export class AppProcess {
  readonly exited: Promise<Exit>;
  private captured = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly port: number | undefined,
    private readonly capture: boolean,
    showLogs: boolean,
  ) {
    // 'close', not 'exit': by then everything the process wrote has been read
    this.exited = once(child, 'close').then(([code, signal]) => ({ code, signal }) as Exit);
    child.stdout.on('data', (chunk: Buffer) => {
      if (capture) this.captured += chunk.toString();
      else if (showLogs) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (capture) this.captured += chunk.toString();
      else process.stderr.write(chunk);
    });
  }

  /** Starts `apps/<app>/main.ts` and resolves once it serves; the API listens on a free port given as PORT. */
  static async start(
    app: 'api' | 'worker',
    env: Record<string, string>,
    options: AppProcessOptions = {},
  ): Promise<AppProcess> {
    const port = app === 'api' ? await freePort() : undefined;
    const capture = options.captureOutput === true;
    const child = spawnMain(app, { ...env, ...(port ? { PORT: String(port) } : {}) }, capture);
    // its logs show only when the test asks for them (LOG_LEVEL other than silent)
    const started = new AppProcess(child, port, capture, env.LOG_LEVEL !== 'silent');
    await started.untilStarted(app, options.startTimeoutMs ?? START_TIMEOUT_MS);
    return started;
  }

  /** Starts `apps/<app>/main.ts` expecting it to refuse to start: how it exited and all it wrote. */
  static async refusal(
    app: 'api' | 'worker',
    env: Record<string, string>,
  ): Promise<Exit & { output: string }> {
    const refused = new AppProcess(spawnMain(app, env, false), undefined, true, false);
    try {
      await refused.untilStarted(app, START_TIMEOUT_MS);
    } catch {
      return { ...(await refused.exited), output: refused.output };
    }
    await refused.kill();
    throw new Error(`the ${app} process started instead of refusing to:\n${refused.output.slice(-2000)}`);
  }

  get url(): string {
    if (!this.port) throw new Error('only the API process listens');
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** stdout and stderr so far, interleaved as they arrived; only with `captureOutput`. */
  get output(): string {
    if (!this.capture) throw new Error('start the process with captureOutput to read its output');
    return this.captured;
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** The exit, or undefined if the process is still running after `ms`. */
  async exitWithin(ms: number): Promise<Exit | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGKILL, for cleanup: nothing of the process runs afterwards. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private untilStarted(app: 'api' | 'worker', timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      let stdout = '';
      const seen = (chunk: Buffer) => {
        stdout += chunk.toString();
        if (!stdout.includes(STARTED[app])) return;
        stop();
        resolve();
      };
      const fail = (why: string) => {
        stop();
        void this.kill();
        reject(new Error(this.capture ? `${why}:\n${this.captured.slice(-2000)}` : why));
      };
      const exited = (code: number | null, signal: NodeJS.Signals | null) =>
        fail(`the ${app} process exited while starting (${code ?? signal})`);
      const timer = setTimeout(
        () => fail(`the ${app} process did not start within ${timeoutMs / 1000} s`),
        timeoutMs,
      );
      const stop = () => {
        clearTimeout(timer);
        this.child.stdout.off('data', seen);
        this.child.off('close', exited);
      };
      this.child.stdout.on('data', seen);
      this.child.once('close', exited);
    });
  }
}

/** `apps/<app>/main.ts` as a child process that dies with the test run. */
function spawnMain(
  app: 'api' | 'worker',
  env: Record<string, string>,
  debugLogs: boolean,
): ChildProcessWithoutNullStreams {
  return spawnTypeScript(`apps/${app}/main.ts`, {
    env: { ...env, ...(debugLogs ? { LOG_LEVEL: 'debug' } : {}) },
    dieWithTestRun: true,
  });
}

/** A TypeScript entry point of this repository (path from its root) as a child process, compiled on the fly by swc as jest does. */
export function spawnTypeScript(
  entry: string,
  options: { args?: string[]; env?: Record<string, string>; dieWithTestRun?: boolean } = {},
): ChildProcessWithoutNullStreams {
  const hook = `
    ${
      // the test run is gone (jest's end of stdin closed) and cannot clean up: go with it
      options.dieWithTestRun ? "process.stdin.resume().on('end', () => process.exit(1));" : ''
    }
    const fs = require('node:fs');
    const { transformSync } = require('@swc/core');
    const swc = JSON.parse(fs.readFileSync(${JSON.stringify(join(ROOT, '.swcrc'))}, 'utf8'));
    delete swc.$schema;
    swc.jsc.baseUrl = ${JSON.stringify(ROOT)};
    require.extensions['.ts'] = (module, filename) => {
      const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swc, filename, swcrc: false, sourceMaps: false });
      module._compile(code, filename);
    };
    require(${JSON.stringify(join(ROOT, entry))});
  `;
  return spawn(process.execPath, ['-e', hook, '--', ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Resolves to 'connected' or the error code of a fresh TCP connection to host:port (ECONNREFUSED …). */
export function tryConnect(port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

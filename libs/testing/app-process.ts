import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const ROOT = join(__dirname, '..', '..');

/**
 * The API or the worker as its own OS process, started through its real `main.ts` (TypeScript compiled
 * on the fly by swc, as jest does), so that a test can send it real signals: SIGTERM to watch it shut
 * down gracefully, SIGKILL to watch it die mid-work.
 */
export class AppProcess {
  readonly exited: Promise<Exit>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number | undefined,
  ) {
    this.exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as Exit);
  }

  /** Starts `apps/<app>/main.ts`; the API listens on a free port given as PORT. */
  static async start(app: 'api' | 'worker', env: Record<string, string>): Promise<AppProcess> {
    const port = app === 'api' ? await freePort() : undefined;
    const hook = `
      const fs = require('node:fs');
      const { transformSync } = require('@swc/core');
      const swc = JSON.parse(fs.readFileSync(${JSON.stringify(join(ROOT, '.swcrc'))}, 'utf8'));
      delete swc.$schema;
      swc.jsc.baseUrl = ${JSON.stringify(ROOT)};
      require.extensions['.ts'] = (module, filename) => {
        const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swc, filename, swcrc: false, sourceMaps: false });
        module._compile(code, filename);
      };
      require(${JSON.stringify(join(ROOT, `apps/${app}/main.ts`))});
    `;
    const child = spawn(process.execPath, ['-e', hook], {
      cwd: ROOT,
      env: { ...process.env, ...env, ...(port ? { PORT: String(port) } : {}) },
      // its logs show only when the test asks for them (LOG_LEVEL other than silent)
      stdio: ['ignore', env.LOG_LEVEL === 'silent' ? 'ignore' : 'inherit', 'inherit'],
    });
    const started = new AppProcess(child, port);
    if (port) await started.untilListening();
    return started;
  }

  get url(): string {
    if (!this.port) throw new Error('only the API process listens');
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
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

  private async untilListening(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error('the API process exited while starting');
      try {
        const res = await fetch(`${this.url}/health/live`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the API process did not start listening within 30 s');
  }
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

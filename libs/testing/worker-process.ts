import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

/**
 * The worker as its own OS process (TypeScript compiled on the fly by swc, as jest does), so a test
 * can SIGKILL it mid-payout: no shutdown hook, no finally block, nothing of it runs afterwards.
 */
export class WorkerProcess {
  private constructor(private readonly child: ChildProcess) {}

  static start(env: Record<string, string>): WorkerProcess {
    const root = join(__dirname, '..', '..');
    const hook = `
      const fs = require('node:fs');
      const { transformSync } = require('@swc/core');
      const swc = JSON.parse(fs.readFileSync(${JSON.stringify(join(root, '.swcrc'))}, 'utf8'));
      delete swc.$schema;
      swc.jsc.baseUrl = ${JSON.stringify(root)};
      require.extensions['.ts'] = (module, filename) => {
        const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swc, filename, swcrc: false, sourceMaps: false });
        module._compile(code, filename);
      };
      require(${JSON.stringify(join(root, 'apps/worker/main.ts'))});
    `;
    const child = spawn(process.execPath, ['-e', hook], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // a test that fails before its cleanup must not leave the worker running after jest exits
    process.once('exit', () => child.kill('SIGKILL'));
    return new WorkerProcess(child);
  }

  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await exited;
  }
}

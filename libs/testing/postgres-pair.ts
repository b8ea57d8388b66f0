import { execFile } from 'node:child_process';
import { appendFileSync, chownSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest installed PostgreSQL's programs (Debian keeps them out of PATH). */
function binary(name: string): string {
  const root = '/usr/lib/postgresql';
  const newest = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return join(root, newest, 'bin', name);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** PostgreSQL's programs refuse to run as root: as root, run them as the `postgres` OS user. */
async function asPostgres(program: string, args: string[]): Promise<string> {
  const [file, argv] =
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', binary(program), ...args]]
      : [binary(program), args];
  const { stdout } = await run(file, argv, { cwd: tmpdir() });
  return stdout;
}

/**
 * A PostgreSQL primary and a streaming replica of the test's own (`initdb`, then `pg_basebackup -R`) on
 * loopback ports, trust authentication, nothing shared with the machine's server.
 */
export class TestPostgresPair {
  private constructor(
    private readonly directory: string,
    readonly primaryPort: number,
    readonly replicaPort: number,
  ) {}

  static async start(): Promise<TestPostgresPair> {
    const directory = mkdtempSync(join(tmpdir(), 'redress-pg-'));
    if (process.getuid?.() === 0) {
      const { uid, gid } = statSync(join('/var/lib/postgresql'));
      chownSync(directory, uid, gid);
    }
    const pair = new TestPostgresPair(directory, await freePort(), await freePort());
    const primary = pair.dataDirectory('primary');
    await asPostgres('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    appendFileSync(
      join(primary, 'postgresql.conf'),
      [
        `listen_addresses = '127.0.0.1'`,
        `port = ${pair.primaryPort}`,
        `unix_socket_directories = '${directory}'`,
        `wal_level = replica`,
        `max_wal_senders = 4`,
        `fsync = off`,
        `shared_buffers = 32MB`,
        '',
      ].join('\n'),
    );
    await pair.pgCtl('primary', 'start');
    await asPostgres('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(pair.primaryPort),
      '-U',
      'postgres',
      '-D',
      pair.dataDirectory('replica'),
      '-R',
      '-X',
      'stream',
      '--no-sync',
    ]);
    // the copied configuration is the primary's: the later line wins
    appendFileSync(join(pair.dataDirectory('replica'), 'postgresql.conf'), `port = ${pair.replicaPort}\n`);
    await pair.startReplica();
    return pair;
  }

  /** A URL of database `name` on the primary or the replica, as `user` (trust: no password). */
  url(server: 'primary' | 'replica', name: string, user = 'postgres'): string {
    const port = server === 'primary' ? this.primaryPort : this.replicaPort;
    return `postgres://${user}@127.0.0.1:${port}/${name}`;
  }

  startReplica(): Promise<void> {
    return this.pgCtl('replica', 'start');
  }

  /** An immediate stop: connections drop at once, as in a crash. */
  stopReplica(): Promise<void> {
    return this.pgCtl('replica', 'stop', ['-m', 'immediate']);
  }

  async close(): Promise<void> {
    for (const server of ['replica', 'primary'] as const)
      await this.pgCtl(server, 'stop', ['-m', 'immediate']).catch(() => undefined);
    rmSync(this.directory, { recursive: true, force: true });
  }

  private dataDirectory(server: 'primary' | 'replica'): string {
    return join(this.directory, server);
  }

  private async pgCtl(server: 'primary' | 'replica', action: string, args: string[] = []): Promise<void> {
    await asPostgres('pg_ctl', [
      '-D',
      this.dataDirectory(server),
      '-l',
      join(this.directory, `${server}.log`),
      '-w',
      ...args,
      action,
    ]);
  }
}

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MASTERS = 3;
/** Short, so that a test's failover settles in about a second. */
const NODE_TIMEOUT_MS = 1000;

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port whose cluster bus port (port + 10000) is free too. */
async function freeNodePort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if (taken.has(port) || taken.has(port + 10_000)) continue;
    if ((await isFree(port)) && (await isFree(port + 10_000))) return port;
  }
}

async function cli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args]);
  return stdout;
}

/**
 * A Redis Cluster of the test's own: 3 masters and 3 replicas, `redis-server` in cluster mode on
 * loopback ports, no persistence, joined with `redis-cli --cluster create`.
 */
export class TestRedisCluster {
  private constructor(
    readonly ports: number[],
    private readonly processes: ChildProcess[],
    private readonly directory: string,
  ) {}

  static async start(): Promise<TestRedisCluster> {
    const directory = mkdtempSync(join(tmpdir(), 'redress-cluster-'));
    const taken = new Set<number>();
    const ports: number[] = [];
    for (let i = 0; i < MASTERS * 2; i += 1) {
      const port = await freeNodePort(taken);
      taken.add(port).add(port + 10_000);
      ports.push(port);
    }
    const processes = ports.map((port) =>
      spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(directory, `nodes-${port}.conf`),
          '--cluster-node-timeout',
          String(NODE_TIMEOUT_MS),
          '--dir',
          directory,
        ],
        { stdio: 'ignore' },
      ),
    );
    const cluster = new TestRedisCluster(ports, processes, directory);
    for (const port of ports)
      await cluster.waitFor(port, async () => (await cli(port, 'PING')).trim() === 'PONG');
    await run('redis-cli', [
      '--cluster',
      'create',
      ...ports.map((p) => `127.0.0.1:${p}`),
      '--cluster-replicas',
      '1',
      '--cluster-yes',
    ]);
    await cluster.settled();
    return cluster;
  }

  /** REDIS_CLUSTER_NODES for the apps: every node (any one would do; the client discovers the rest). */
  get nodes(): string {
    return this.ports.map((p) => `127.0.0.1:${p}`).join(',');
  }

  /** The port of the master serving the slot of `key` (e.g. `{prefix}` for the queues). */
  async masterOf(key: string): Promise<number> {
    const slot = Number(await cli(this.ports[0], 'CLUSTER', 'KEYSLOT', key));
    for (const line of (await cli(this.ports[0], 'CLUSTER', 'NODES')).split('\n')) {
      const [, address, flags, , , , , , ...ranges] = line.split(' ');
      if (!flags?.includes('master') || flags.includes('fail')) continue;
      const serves = ranges.some((range) => {
        const [from, to = from] = range.split('-').map(Number);
        return slot >= from && slot <= to;
      });
      if (serves) return Number(address.split('@')[0].split(':')[1]);
    }
    throw new Error(`no master serves slot ${slot}`);
  }

  /**
   * A manual failover of the master serving `key`: one of its replicas takes over once it has caught
   * up (`CLUSTER FAILOVER`), as an operator does before maintenance. Resolves with the new master's port.
   */
  async failOver(key: string): Promise<number> {
    const master = await this.masterOf(key);
    const masterId = (await cli(master, 'CLUSTER', 'MYID')).trim();
    const replica = await this.replicaOf(masterId);
    await cli(replica, 'CLUSTER', 'FAILOVER');
    await this.waitFor(replica, async () => (await cli(replica, 'ROLE')).startsWith('master'));
    await this.settled();
    return replica;
  }

  /** How many keys the cluster's masters hold that match `pattern`. */
  async countKeys(pattern: string): Promise<number> {
    let total = 0;
    for (const port of this.ports) {
      if (!(await cli(port, 'ROLE')).startsWith('master')) continue;
      total += (await cli(port, '--scan', '--pattern', pattern)).split('\n').filter(Boolean).length;
    }
    return total;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.processes.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    rmSync(this.directory, { recursive: true, force: true });
  }

  private async replicaOf(masterId: string): Promise<number> {
    for (const port of this.ports) {
      const info = await cli(port, 'CLUSTER', 'NODES');
      const me = info.split('\n').find((line) => line.includes('myself'));
      if (me?.split(' ')[3] === masterId) return port;
    }
    throw new Error(`no replica of ${masterId}`);
  }

  /** Every node sees the cluster as ok and agrees on it (slots all covered, one epoch). */
  private async settled(): Promise<void> {
    for (const port of this.ports)
      await this.waitFor(port, async () => (await cli(port, 'CLUSTER', 'INFO')).includes('cluster_state:ok'));
  }

  private async waitFor(port: number, ready: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        if (await ready()) return;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`redis cluster node ${port} did not get ready`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

import { createServer, connect, type Server, type Socket } from 'node:net';

type Mode = 'forward' | 'blackhole' | 'refuse';

/**
 * A TCP proxy a test puts between an app and a real server (PostgreSQL) to cut the network without
 * touching the server, which other tests share:
 * - `refuse()`: the port is closed and every open connection is reset, as when the server is down;
 * - `blackhole()`: connections are accepted and open ones stay open, but no byte goes through in
 *   either direction, as in a network partition (the failure that makes clients hang);
 * - `forward()`: back to normal on the same port; connections of the outage are closed.
 */
export class TcpProxy {
  private server?: Server;
  private mode: Mode = 'forward';
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
    private port = 0,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetHost, targetPort);
    await proxy.listen();
    return proxy;
  }

  /** The same URL, pointing at the proxy. */
  proxied(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async refuse(): Promise<void> {
    this.mode = 'refuse';
    this.dropAll();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  blackhole(): void {
    this.mode = 'blackhole';
    for (const socket of this.sockets) socket.unpipe();
  }

  async forward(): Promise<void> {
    this.dropAll();
    this.mode = 'forward';
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    await this.refuse();
  }

  private dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
  }

  private async listen(): Promise<void> {
    const server = createServer((client) => {
      this.track(client);
      if (this.mode !== 'forward') return; // accepted, never answered
      const upstream = connect(this.targetPort, this.targetHost);
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      const closeBoth = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('close', closeBoth);
      upstream.on('close', closeBoth);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }
}

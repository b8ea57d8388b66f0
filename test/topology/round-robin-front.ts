import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small load balancer in front of several API processes: each request goes to the next backend in
 * turn; a backend that refuses the connection (dead) is skipped, as a balancer's health check would;
 * a backend that dies mid-request costs that request a 502, which the client may retry.
 */
export class RoundRobinFront {
  private next = 0;

  private constructor(
    private readonly server: Server,
    private readonly ports: () => number[],
  ) {}

  static async start(ports: () => number[]): Promise<RoundRobinFront> {
    const server = createServer();
    const front = new RoundRobinFront(server, ports);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const backends = front.ports();
        const start = front.next++;
        const attempt = (tried: number) => {
          if (tried >= backends.length) return void res.writeHead(502).end();
          const upstream = request(
            {
              host: '127.0.0.1',
              port: backends[(start + tried) % backends.length],
              method: req.method,
              path: req.url,
              headers: req.headers,
            },
            (answer) => {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              answer.pipe(res);
            },
          );
          upstream.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code === 'ECONNREFUSED') attempt(tried + 1);
            else if (!res.headersSent) res.writeHead(502).end();
            else res.destroy();
          });
          upstream.end(body);
        };
        attempt(0);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return front;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

// A local webhook receiver: answers 204 at once and counts what arrived.
import { createServer } from 'node:http';

export async function startWebhookSink() {
  let total = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      total += 1;
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks`,
    get received() {
      return total;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

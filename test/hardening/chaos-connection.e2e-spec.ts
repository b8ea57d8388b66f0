import { loadConfig } from '@redress/config';
import { dataSourceOptions } from '@redress/database';
import { TestApp } from '@redress/testing';
import { Pool } from 'pg';

describe('Chaos: a connection killed while checked out and idle', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start('chaos_connection', { worker: false });
  });
  afterAll(() => app.close());

  it('fails its next statement instead of crashing the process with an unhandled error event', async () => {
    // The pool the apps get (dataSourceOptions' `extra`), used bare: a client as it is between the pool
    // handing it out and TypeORM listening on it, or after TypeORM stopped listening.
    const { extra } = dataSourceOptions(loadConfig(app.env)) as { extra: Record<string, unknown> };
    const pool = new Pool({ ...extra, connectionString: app.env.DATABASE_URL });
    pool.on('error', () => undefined);
    const client = await pool.connect();
    try {
      const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows as { pid: number }[];
      await app.query('SELECT pg_terminate_backend($1)', [pid]);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the FATAL arrives with no statement running
      await expect(client.query('SELECT 1')).rejects.toThrow(/connection error|terminat/i);
    } finally {
      client.release(true);
      await pool.end();
    }
  });
});

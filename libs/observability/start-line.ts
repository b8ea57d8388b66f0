import { hostname } from 'node:os';

/**
 * The line a process writes once it serves, JSON as every other, written whatever LOG_LEVEL says:
 * supervisors and the tests wait for it.
 */
export function writeStartLine(processName: string, msg: string, fields: Record<string, unknown> = {}): void {
  const line = {
    level: 30,
    time: Date.now(),
    pid: process.pid,
    hostname: hostname(),
    name: processName,
    ...fields,
    msg,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

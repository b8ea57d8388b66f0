// Progress lines while long scenarios run, and polling until a condition holds.

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function log(message) {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)}  ${message}\n`);
}

/**
 * Polls `check` (which returns { done, status }) every `intervalMs`, printing its status every
 * `reportMs`, until done or `timeoutMs` has passed. Returns the elapsed seconds, or null on timeout.
 */
export async function pollUntil(
  label,
  check,
  { intervalMs = 200, reportMs = 5000, timeoutMs, startedAt = Date.now() },
) {
  let lastReport = Date.now();
  for (;;) {
    const { done, status } = await check();
    const elapsed = (Date.now() - startedAt) / 1000;
    if (done) {
      log(`  ${label}: ${status} (${elapsed.toFixed(1)} s)`);
      return elapsed;
    }
    if (Date.now() - lastReport >= reportMs) {
      log(`  ${label}: ${status} (${elapsed.toFixed(0)} s)`);
      lastReport = Date.now();
    }
    if (Date.now() - startedAt > timeoutMs) {
      log(`  ${label}: gave up after ${(timeoutMs / 1000).toFixed(0)} s (${status})`);
      return null;
    }
    await sleep(intervalMs);
  }
}

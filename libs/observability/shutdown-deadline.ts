import type { LoggerService } from '@nestjs/common';

/** What is left after the last step: enough to write the exit's log line. */
const EXIT_MARGIN_MS = 250;
/** Before exiting, the step that answers or abandons what is still running gets this long. */
const LAST_STEP_MS = 500;

/**
 * Bounds a graceful shutdown: after SIGTERM (or SIGINT) the process exits within `timeoutMs`
 * whatever is still running. Shortly before, `lastStep` answers or abandons what could not finish;
 * the process then exits with status 1. A shutdown that finishes earlier is not held up (the timers
 * are unreferenced).
 */
export function boundShutdown(options: {
  timeoutMs: number;
  logger: LoggerService;
  lastStep?: () => void;
}): void {
  const { timeoutMs, logger } = options;
  const begin = (signal: NodeJS.Signals) => {
    logger.log({ signal, timeoutMs }, 'shutdown started');
    setTimeout(
      () => {
        try {
          options.lastStep?.();
        } finally {
          logger.warn(
            { timeoutMs },
            'shutdown deadline reached: exiting; unfinished work is left to be retried',
          );
        }
      },
      timeoutMs - LAST_STEP_MS - EXIT_MARGIN_MS,
    ).unref();
    setTimeout(() => process.exit(1), timeoutMs - EXIT_MARGIN_MS).unref();
  };
  process.once('SIGTERM', begin);
  process.once('SIGINT', begin);
}

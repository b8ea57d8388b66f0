let started = false;

/** Whether startTracing() ran: when it did not, the helpers skip the OpenTelemetry API altogether. */
export const tracingOn = (): boolean => started;

export function markTracingStarted(): void {
  started = true;
}

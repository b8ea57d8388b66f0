import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { tracingOn } from './tracing-state';

const tracer = () => trace.getTracer('redress');

/** The W3C traceparent of the active span, to store with an outbox row or put on a job; null when off. */
export function currentTraceparent(): string | null {
  if (!tracingOn()) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** Headers that carry the active trace to the receiver of an outgoing call (empty when off). */
export function traceHeaders(): Record<string, string> {
  if (!tracingOn()) return {};
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

function contextOf(traceparent: string | null | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

export interface SpanOptions {
  /**
   * The stored traceparent the span continues (an outbox row's, a job's); null starts a new trace;
   * unset, the span is a child of the active one.
   */
  parent?: string | null;
  /** Traceparents the span is linked to rather than a child of (a long bulk job and its request). */
  links?: (string | null | undefined)[];
  attributes?: Attributes;
  kind?: 'internal' | 'consumer' | 'producer';
}

const KINDS = { internal: SpanKind.INTERNAL, consumer: SpanKind.CONSUMER, producer: SpanKind.PRODUCER };

function linksOf(traceparents: SpanOptions['links']): Link[] {
  return (traceparents ?? []).flatMap((tp) => {
    const spanContext = tp ? trace.getSpanContext(contextOf(tp)) : undefined;
    return spanContext ? [{ context: spanContext }] : [];
  });
}

/** Runs `work` inside a span (active for what it calls); a thrown error marks the span failed. */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span?: Span) => Promise<T>,
): Promise<T> {
  if (!tracingOn()) return work();
  const parent = options.parent === undefined ? context.active() : contextOf(options.parent);
  const span = tracer().startSpan(
    name,
    {
      kind: KINDS[options.kind ?? 'internal'],
      attributes: options.attributes,
      links: linksOf(options.links),
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/** A span begun for work that ends elsewhere (a relay that ends when its jobs are queued). */
export interface OpenSpan {
  /** The span's own traceparent, for the job that continues it (null when off). */
  readonly traceparent: string | null;
  end(error?: Error): void;
}

const CLOSED: OpenSpan = { traceparent: null, end: () => undefined };

export function openSpan(name: string, options: SpanOptions): OpenSpan {
  if (!tracingOn()) return CLOSED;
  const parent = options.parent === undefined ? context.active() : contextOf(options.parent);
  const span = tracer().startSpan(
    name,
    {
      kind: KINDS[options.kind ?? 'internal'],
      attributes: options.attributes,
      links: linksOf(options.links),
    },
    parent,
  );
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), carrier);
  return {
    traceparent: carrier.traceparent ?? null,
    end(error?: Error) {
      if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      span.end();
    },
  };
}

/** The ids a log line carries while a span is active (none when tracing is off). */
export function activeSpanIds(): { traceId?: string; spanId?: string } {
  if (!tracingOn()) return {};
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext ? { traceId: spanContext.traceId, spanId: spanContext.spanId } : {};
}

/** Names the active server span after the route that answered it (the HTTP layer knows only the URL). */
export function nameActiveSpanAfterRoute(method: string, route: string): void {
  if (!tracingOn()) return;
  const span = trace.getActiveSpan();
  span?.updateName(`${method} ${route}`);
  span?.setAttribute('http.route', route);
}

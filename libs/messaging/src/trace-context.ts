import { context, isSpanContextValid, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type SpanContext } from '@opentelemetry/api';

const tracer = trace.getTracer('@qorgau/messaging');

/** W3C trace context of the current request, to store beside an outbox row and send as Kafka headers. */
export function currentTraceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The span context W3C headers carry, if they carry one. */
function spanContextOf(headers: Record<string, string | undefined>): SpanContext | undefined {
  const carried = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, headers));
  return carried && isSpanContextValid(carried) ? carried : undefined;
}

/**
 * Runs fn in a consumer span that continues the producer's trace, so one trace runs from the
 * hotline form to the national view; a batch's other events are linked, so each of their traces
 * leads here too. Span attributes are ids and types only, never payloads.
 */
export async function inConsumerSpan<T>(
  name: string,
  headers: Record<string, string | undefined>,
  attributes: Record<string, string | number>,
  fn: (span: Span) => Promise<T>,
  linkedHeaders: readonly Record<string, string | undefined>[] = [],
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const links = linkedHeaders.flatMap((other) => {
    const linked = spanContextOf(other);
    return linked ? [{ context: linked }] : [];
  });
  return context.with(parent, () =>
    tracer.startActiveSpan(name, { kind: SpanKind.CONSUMER, attributes, links }, async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        throw error;
      } finally {
        span.end();
      }
    }),
  );
}

export function headersToStrings(headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const single = Array.isArray(value) ? value[0] : value;
    if (single !== undefined) out[name] = single.toString();
  }
  return out;
}

/**
 * Runs fn (the publication of outbox rows) in one producer span per row, each a child of the trace
 * its row was written in, and returns the headers to send: the row's, now naming its producer span,
 * so the consumer's span is the publication's child.
 */
export async function inProducerSpans<T>(topicAndHeaders: readonly { topic: string; headers: Record<string, string> }[], fn: (headers: Record<string, string>[]) => Promise<T>): Promise<T> {
  const spans = topicAndHeaders.map(({ topic, headers }) => {
    const parent = propagation.extract(ROOT_CONTEXT, headers);
    const span = tracer.startSpan(
      `${topic} publish`,
      { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.operation.type': 'send' } },
      parent,
    );
    const carrier: Record<string, string> = { ...headers };
    propagation.inject(trace.setSpan(parent, span), carrier);
    return { span, carrier };
  });
  try {
    return await fn(spans.map(({ carrier }) => carrier));
  } catch (error) {
    for (const { span } of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
    throw error;
  } finally {
    for (const { span } of spans) span.end();
  }
}

import { ConsoleLogger } from '@nestjs/common';
import { isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * Nest's JSON logger with the trace and span ids of the request or event being handled, so a log
 * line leads to its trace (and a trace to its lines). The lines themselves never carry bodies,
 * headers or personal fields: every message in the services is written to say only ids and counts.
 */
export class TraceLogger extends ConsoleLogger {
  constructor() {
    super({ json: true, colors: false });
  }

  protected override getJsonLogObject(...args: Parameters<ConsoleLogger['getJsonLogObject']>): ReturnType<ConsoleLogger['getJsonLogObject']> {
    const line = super.getJsonLogObject(...args);
    const span = trace.getActiveSpan()?.spanContext();
    return span && isSpanContextValid(span) ? { ...line, trace_id: span.traceId, span_id: span.spanId } : line;
  }
}

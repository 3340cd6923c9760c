/**
 * OpenTelemetry, loaded before anything else with `node --require <this file>` so that HTTP,
 * Express, Nest and pg are instrumented as they load. Trace context then rides from the HTTP
 * request into the outbox, Kafka headers and the projection's consumer spans (libs/messaging).
 *
 * OTEL_SERVICE_NAME names the service; spans are exported over OTLP/HTTP only when
 * OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set. Spans carry routes, ids and SQL
 * with placeholders — never bodies, headers or parameter values.
 */
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';

const exporting = Boolean(process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? process.env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);

const sdk = new NodeSDK({
  serviceName: process.env['OTEL_SERVICE_NAME'] ?? 'qorgau',
  ...(exporting ? { traceExporter: new OTLPTraceExporter() } : { spanProcessors: [] }),
  instrumentations: [
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => request.url?.startsWith('/health') ?? false }),
    new ExpressInstrumentation(),
    new NestInstrumentation(),
    new PgInstrumentation({ enhancedDatabaseReporting: false }),
  ],
});

sdk.start();

const shutdown = (): void => {
  sdk.shutdown().catch(() => undefined);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

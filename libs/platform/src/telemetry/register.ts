/**
 * OpenTelemetry, loaded before anything else with `node --require <this file>` so that HTTP,
 * Express, Nest and pg are instrumented as they load. Trace context then rides from the HTTP
 * request into the outbox, Kafka headers and the consumers' spans (libs/messaging).
 *
 * Traces go out over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set,
 * and to a Zipkin server when OTEL_EXPORTER_ZIPKIN_ENDPOINT is (`QORGAU_TRACES=1 npm start` runs
 * one). Metrics are served for Prometheus at METRICS_PORT's /metrics, and pushed over OTLP with the
 * traces. Spans carry routes, ids and SQL with placeholders — never bodies, headers or values.
 */
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { PeriodicExportingMetricReader, type IMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';

const env = process.env;
const otlp = Boolean(env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
const zipkin = env['OTEL_EXPORTER_ZIPKIN_ENDPOINT'];
// The service validates METRICS_PORT with the rest of its configuration; here only a usable one starts the endpoint.
const metricsPort = Number(env['METRICS_PORT'] ?? 0);

const spanProcessors: SpanProcessor[] = [
  ...(otlp ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })] : []),
  ...(zipkin ? [new BatchSpanProcessor({ exporter: new ZipkinExporter({ url: zipkin }), scheduledDelayMillis: 500 })] : []),
];
const metricReaders: IMetricReader[] = [
  ...(Number.isInteger(metricsPort) && metricsPort > 0 ? [new PrometheusExporter({ port: metricsPort, host: env['HOST'] ?? '127.0.0.1' })] : []),
  ...(otlp ? [new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter(), exportIntervalMillis: 15_000 })] : []),
];

const sdk = new NodeSDK({
  serviceName: env['OTEL_SERVICE_NAME'] ?? 'qorgau',
  spanProcessors,
  metricReaders,
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

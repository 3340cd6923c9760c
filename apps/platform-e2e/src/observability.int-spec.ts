import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { aHotlineCall, eventually, repoRoot } from '@qorgau/testing';
import { getJson, postJson, testPlatform, type Figures } from './platform';

const run = promisify(execFile);
const ZIPKIN_PORT = 19411;
const MONTH = '2019-11';

interface ZipkinSpan {
  traceId: string;
  name?: string;
  kind?: string;
  localEndpoint?: { serviceName?: string };
}

/**
 * What operators see: one hotline call followed in the local trace viewer (Zipkin, started by the
 * repo's own script as `QORGAU_TRACES=1 npm start` does) from intake's HTTP request through Kafka
 * to the projection; the metrics each service serves for Prometheus; log lines that name the trace.
 */
describe('observability of one hotline call', () => {
  const platform = testPlatform(13700);
  const zipkin = `http://127.0.0.1:${ZIPKIN_PORT}`;
  let operator: Record<string, string>;
  // The call's trace, chosen here (as a browser's traceparent would carry it) to look it up by id.
  const traceId = randomUUID().replaceAll('-', '');

  beforeAll(async () => {
    await run('bash', ['scripts/traces.sh', 'start'], { cwd: repoRoot, env: { ...process.env, ZIPKIN_PORT: String(ZIPKIN_PORT) } });
    const exporting = { OTEL_EXPORTER_ZIPKIN_ENDPOINT: `${zipkin}/api/v2/spans` };
    platform.intake.setEnv({ ...exporting, METRICS_PORT: '19701' });
    platform.projection.setEnv({ ...exporting, METRICS_PORT: '19702' });
    await platform.identity.start();
    await Promise.all([platform.intake.start(), platform.projection.start()]);
    operator = await platform.as('hotline-operator.kz-79');
    const analyst = await platform.as('hq-analyst');

    const posted = await fetch(`${platform.intake.url}/hotline-calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${'1'.repeat(16)}-01`, ...operator },
      body: JSON.stringify(aHotlineCall().inMonth(MONTH).build()),
    });
    expect(posted.status).toBe(201);
    await eventually(async () => expect((await getJson<Figures>(`${platform.projection.url}/views/national?month=${MONTH}`, analyst)).metrics['hotline_calls']!.total).toBeGreaterThanOrEqual(1), {
      timeoutMs: 30_000,
    });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([platform.intake.stop(), platform.projection.stop()]);
    await platform.identity.stop();
    await run('bash', ['scripts/traces.sh', 'stop'], { cwd: repoRoot, env: { ...process.env, ZIPKIN_PORT: String(ZIPKIN_PORT) } });
  });

  it('shows the call in the trace viewer as one trace with spans from intake (HTTP, publication) and the projection (consumption)', async () => {
    // Each service exports its spans in batches of its own: wait until every one of them has arrived.
    await eventually(
      async () => {
        const trace = await getJson<ZipkinSpan[]>(`${zipkin}/api/v2/trace/${traceId}`).catch(() => []);
        expect(new Set(trace.map((span) => span.localEndpoint?.serviceName))).toEqual(new Set(['qorgau-intake', 'qorgau-projection']));
        expect({
          server: trace.some((span) => span.kind === 'SERVER' && span.localEndpoint?.serviceName === 'qorgau-intake' && /hotline-calls/i.test(span.name ?? '')),
          producer: trace.some((span) => span.kind === 'PRODUCER' && span.localEndpoint?.serviceName === 'qorgau-intake'),
          consumer: trace.some((span) => span.kind === 'CONSUMER' && span.localEndpoint?.serviceName === 'qorgau-projection'),
        }).toEqual({ server: true, producer: true, consumer: true });
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
  });

  it('serves Prometheus metrics: consumer lag and freshness, events applied, outbox backlog and age, HTTP requests', async () => {
    const projection = await (await fetch('http://127.0.0.1:19702/metrics')).text();
    expect(projection).toMatch(/^qorgau_consumer_lag\{.*messaging_consumer_group_name="qorgau-projection[^"]*".*\} \d+/m);
    expect(projection).toMatch(/^qorgau_consumer_freshness\{.*messaging_destination_name="qorgau\.intake\.events".*\} [\d.e-]+/m);
    expect(projection).toMatch(/^qorgau_events_applied_total\{.*\} [1-9]/m);
    const intake = await (await fetch('http://127.0.0.1:19701/metrics')).text();
    expect(intake).toMatch(/^qorgau_outbox_backlog\{?.*\}? \d+/m);
    expect(intake).toMatch(/^qorgau_outbox_oldest_age\{?.*\}? [\d.e-]+/m);
    expect(intake).toMatch(/^http_server_(request_)?duration.*_count\{.*http_(response_status_code|status_code)="201".*\} [1-9]/m);
    // Names and counts only: nothing of the call itself.
    expect(intake).not.toContain('KZ-79');
  });

  it('writes JSON log lines that name the trace they belong to', async () => {
    const lines = readFileSync(platform.intake.logFile, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { message?: string; trace_id?: string });
    expect(lines.some((line) => line.message?.startsWith('POST /hotline-calls 201') && /^[0-9a-f]{32}$/.test(line.trace_id ?? ''))).toBe(true);
  });

  it('answers a request without a token as before: observability changes no behaviour', async () => {
    expect((await postJson(`${platform.intake.url}/hotline-calls`, {})).status).toBe(401);
  });
});

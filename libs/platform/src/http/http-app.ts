import { Logger, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { HttpErrorsFilter } from './http-errors.filter';
import { rateLimit, type RateLimitStore } from './rate-limit';
import { ResponseSchemaCheck } from './response-schema-check';
import { TraceLogger } from './trace-logger';

export interface HttpAppOptions {
  readonly title: string;
  readonly description: string;
  readonly version: string;
  /** Largest JSON body accepted, e.g. '32kb'. */
  readonly bodyLimit: string;
  /** Requests per minute one client address may make (RATE_LIMIT_PER_MINUTE). */
  readonly requestsPerMinute: number;
  /** Where the rate limit counts (RATE_LIMIT_STORE); default this process's memory. */
  readonly rateLimitStore?: RateLimitStore;
  /** Silence Nest's logger (tests). */
  readonly quiet?: boolean;
  /** Proxies whose X-Forwarded-For to believe (TRUST_PROXY_HOPS); default 0. */
  readonly trustProxyHops?: number;
  /** Serve /docs and /docs-json (API_DOCS); default true. */
  readonly docs?: boolean;
  /** Creating requests take an Idempotency-Key (service-kit's interceptor); default true. */
  readonly idempotentPosts?: boolean;
  /** Errors that mean the database is away or overloaded: answered 503 with Retry-After, not 500. */
  readonly unavailable?: (error: unknown) => boolean;
}

/**
 * A Nest HTTP app with the conventions every service shares: JSON logs with trace ids, a body-size limit, security
 * headers, one error shape, OpenAPI at /docs (UI) and /docs-json, and graceful shutdown.
 */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: HttpAppOptions): Promise<INestApplication> {
  const logger = options.quiet ? false : new TraceLogger();
  const app = await NestFactory.create<NestExpressApplication>(module, { logger, bodyParser: false, abortOnError: false });
  app.disable('x-powered-by');
  // Behind the web gateway the client is one hop away: its address, not the gateway's, is limited and audited.
  app.set('trust proxy', options.trustProxyHops ?? 0);
  app.use(securityHeaders);
  app.use(requestLog);
  // Limits come before parsing, so a flood is refused before it costs a body parse.
  app.use(rateLimit({ limit: options.requestsPerMinute, windowMs: 60_000, exempt: (path) => path.startsWith('/health'), ...(options.rateLimitStore ? { store: options.rateLimitStore } : {}) }));
  app.use(jsonBody(options.bodyLimit));
  app.useGlobalFilters(new HttpErrorsFilter(options.unavailable));
  if (process.env['QORGAU_CHECK_RESPONSES'] === 'true') app.useGlobalInterceptors(new ResponseSchemaCheck());
  app.enableShutdownHooks();

  if (options.docs ?? true) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(options.title)
        .setDescription(options.description)
        .setVersion(options.version)
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token from the OpenID provider' })
        .build(),
    );
    if (options.idempotentPosts ?? true) documentIdempotencyKey(document);
    declareTags(document);
    allowNullInNullableEnums(document);
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  }
  return app;
}

/** Every POST of a domain service accepts the header (see IdempotencyInterceptor in service-kit). */
function documentIdempotencyKey(document: OpenAPIObject): void {
  for (const operations of Object.values(document.paths)) {
    if (!operations.post) continue;
    (operations.post.parameters ??= []).push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'A unique key per submission (a UUID): a retry with the same key within 24 hours gets the first answer and records nothing new; the same key with another request is a 422.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
}

/** Every tag an operation uses is declared once at the top (OpenAPI linters insist, and tools list them). */
function declareTags(document: OpenAPIObject): void {
  const used = new Set(Object.values(document.paths).flatMap((operations) => Object.values(operations).flatMap((operation: { tags?: string[] }) => operation?.tags ?? [])));
  document.tags = [...used].sort().map((name) => document.tags?.find((tag) => tag.name === name) ?? { name });
}

/**
 * In OpenAPI 3.0 `nullable` does not widen an `enum`: a nullable enum (and its default of null) is
 * valid only when the list holds null itself.
 */
function allowNullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(allowNullInNullableEnums);
  if (!node || typeof node !== 'object') return;
  const schema = node as { nullable?: boolean; enum?: unknown[] };
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
  Object.values(node).forEach(allowNullInNullableEnums);
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/** The largest chunk of an import: 1000 rows of a spreadsheet. */
export const IMPORT_BODY_LIMIT = '2mb';

/**
 * JSON body parsing whose errors we answer ourselves: the parser's messages quote the body, which
 * may hold a victim's details, so none of its text is echoed back or logged.
 */
function jsonBody(ordinaryLimit: string) {
  // JSON can carry a NUL only as the escape \u0000: the raw bytes say whether a body needs the walk
  // that names the field, so an ordinary body is never walked.
  const escapesNul = new WeakSet<Request>();
  const verify = (request: Request, _response: Response, raw: Buffer): void => {
    if (raw.includes('\\u0000')) escapesNul.add(request);
  };
  const ordinary = express.json({ limit: ordinaryLimit, verify });
  const importing = express.json({ limit: IMPORT_BODY_LIMIT, verify });
  return (request: Request, response: Response, next: NextFunction): void => {
    // An import's chunk of a spreadsheet (POST …/import, up to 1000 rows) is bigger than any one record.
    const isImport = request.method === 'POST' && request.path.endsWith('/import');
    const limit = isImport ? IMPORT_BODY_LIMIT : ordinaryLimit;
    (isImport ? importing : ordinary)(request, response, (error?: unknown) => {
      if (!error) {
        // PostgreSQL stores no NUL in text: refused here, naming the field, rather than a 500 at the insert.
        const field = escapesNul.has(request) ? fieldWithNul(request.body) : null;
        if (field === null) return next();
        response
          .status(400)
          .json({ statusCode: 400, error: 'Bad Request', message: `${field}: must not contain the NUL character`, fields: [{ field, message: 'must not contain the NUL character' }] });
        return;
      }
      const { type, status } = error as BodyParserError;
      if (type === 'entity.too.large') {
        response.status(413).json({ statusCode: 413, error: 'Payload Too Large', message: `request body is larger than ${limit}` });
      } else if (type === 'entity.parse.failed') {
        response.status(400).json({ statusCode: 400, error: 'Bad Request', message: '(body): is not valid JSON', fields: [{ field: '(body)', message: 'is not valid JSON' }] });
      } else {
        const code = status && status < 500 ? status : 400;
        response.status(code).json({ statusCode: code, error: 'Bad Request', message: 'request body could not be read' });
      }
    });
  };
}

/** The path (`rows.3.site`) of the first string in a parsed body that holds a NUL character, or null. */
export function fieldWithNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : null;
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes('\u0000')) return path ? `${path}.${key.replaceAll('\u0000', '')}` : '(body)';
      const found = fieldWithNul(inner, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

const http = new Logger('Http');

/**
 * One line per request: method, route pattern, status and time. The pattern (`/cases/:id`), never
 * the URL or query, and no body: nothing in the line can be personal.
 */
function requestLog(request: Request, response: Response, next: NextFunction): void {
  // Probes ask every few seconds: their lines would drown the rest.
  if (request.path.startsWith('/health')) return next();
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    const route = (request.route as { path?: string } | undefined)?.path ?? '(no route)';
    http.log(`${request.method} ${route} ${response.statusCode} ${Number((process.hrtime.bigint() - started) / 1_000_000n)}ms`);
  });
  next();
}

function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  // Case data must never sit in a shared or browser cache; the API docs page may.
  if (!request.path.startsWith('/docs')) response.setHeader('Cache-Control', 'no-store');
  next();
}

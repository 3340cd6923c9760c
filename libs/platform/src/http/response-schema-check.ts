import { Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';
import { RESPONSE_SCHEMA } from './openapi';

/**
 * Holds every answer to the schema its endpoint documents (ApiZodResponse), so the OpenAPI
 * documents — and the web application's types generated from them — cannot drift from what the
 * handlers return. On in the test suites (QORGAU_CHECK_RESPONSES=true): a mismatch is a 500 and a
 * log line naming the endpoint and the path in the body, never the value.
 */
export class ResponseSchemaCheck implements NestInterceptor {
  private readonly logger = new Logger('ResponseSchemaCheck');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const schema = Reflect.getMetadata(RESPONSE_SCHEMA, context.getHandler()) as z.ZodType | undefined;
    if (!schema) return next.handle();
    const endpoint = `${context.getClass().name}.${context.getHandler().name}`;
    return next.handle().pipe(
      map((body: unknown) => {
        // Not modified (an ETag matched): no body to check.
        if (body === undefined && context.switchToHttp().getResponse<{ statusCode: number }>().statusCode === 304) return body;
        // Checked as it goes on the wire: dates as ISO strings, undefined fields gone.
        const result = schema.safeParse(body === undefined ? undefined : JSON.parse(JSON.stringify(body)));
        if (!result.success) {
          const where = result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.code}`).join('; ');
          this.logger.error(`${endpoint} answered outside its documented schema: ${where}`);
          throw new Error(`${endpoint} answered outside its documented schema`);
        }
        return body;
      }),
    );
  }
}

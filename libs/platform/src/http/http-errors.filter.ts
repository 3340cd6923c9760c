import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

/** Seconds a client is asked to wait before trying again when the service is overloaded or its database away. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * One error shape for every service. Unexpected errors are logged by name and stack only (a
 * driver's message may quote values) and answered with a 500 that says nothing about the data.
 * What `unavailable` recognises (the database refusing connections, no connection or transaction
 * to be had in time) is load or an outage, not a fault: 503 with Retry-After, so clients and the
 * web application retry instead of giving up, and nothing was stored.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  constructor(private readonly unavailable: (error: unknown) => boolean = () => false) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      response.status(exception.getStatus()).json(typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : body);
      return;
    }
    if (this.unavailable(exception)) {
      response
        .status(503)
        .setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
        .json({ statusCode: 503, error: 'Service Unavailable', message: 'the service is busy or its database is unavailable: nothing was stored, try again shortly' });
      return;
    }
    this.logger.error(`unhandled ${exception instanceof Error ? exception.name : typeof exception}${exception instanceof Error && exception.stack ? `\n${redactStack(exception.stack)}` : ''}`);
    response.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'the request could not be completed' });
  }
}

/** Keeps the frames, drops the first line: error messages from drivers may quote values. */
function redactStack(stack: string): string {
  return stack.split('\n').slice(1).join('\n');
}

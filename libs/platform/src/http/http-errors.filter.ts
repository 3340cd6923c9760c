import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

/**
 * One error shape for every service. Unexpected errors are logged by name and stack only (a
 * driver's message may quote values) and answered with a 500 that says nothing about the data.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      response.status(exception.getStatus()).json(typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : body);
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

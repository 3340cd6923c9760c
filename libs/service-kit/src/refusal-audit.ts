import { ForbiddenException, Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, from, switchMap, throwError, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '@qorgau/auth';
import type { SqlClient } from '@qorgau/messaging';
import { isUuid, requestContextOf } from '@qorgau/platform';
import { audit } from './audit-trail';
import { SERVICE_DB } from './tokens';

/**
 * Writes a REFUSED entry to the audit trail when a handler refuses a record with 403 (another
 * region's case, call, consultation…): the curious insider's attempt is on record, not only their
 * successes. Written outside the refused transaction, which rolled back.
 */
@Injectable()
export class RefusalAudit implements NestInterceptor {
  constructor(@Inject(SERVICE_DB) private readonly db: SqlClient) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
        const recordId = Object.values(request.params ?? {}).find((value): value is string => typeof value === 'string' && isUuid(value));
        if (!(error instanceof ForbiddenException) || !request.principal || !recordId) return throwError(() => error);
        const recordType = context
          .getClass()
          .name.replace(/Controller$/, '')
          .toUpperCase();
        const entry = audit(this.db, request.principal, requestContextOf(request), 'REFUSED', { type: recordType, id: recordId }, context.getHandler().name);
        // The refusal stands even if it could not be written down.
        return from(entry.catch(() => undefined)).pipe(switchMap(() => throwError(() => error)));
      }),
    );
  }
}

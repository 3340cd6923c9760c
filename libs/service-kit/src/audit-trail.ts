import { auditEntry, type AuditAction, type AuditActor } from '@qorgau/auth';
import type { SqlClient } from '@qorgau/messaging';
import type { RequestContext } from '@qorgau/platform';

/**
 * Appends to the service's audit_entry table (append-only: its migration installs a trigger that
 * refuses UPDATE and DELETE). Called inside the transaction of the change, so no change goes
 * unrecorded; reads record theirs before the data is returned.
 */
export async function audit(
  db: SqlClient,
  principal: AuditActor,
  context: Pick<RequestContext, 'correlationId' | 'sourceIp'>,
  action: AuditAction,
  record: { readonly type: string; readonly id: string },
  operation: string,
): Promise<void> {
  const e = auditEntry(principal, context, action, record, operation);
  await db.$executeRawUnsafe(
    `INSERT INTO audit_entry (actor, actor_role, actor_region, action, record_type, record_id, operation, source_ip, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6::uuid, $7, $8, $9::uuid)`,
    e.actor,
    e.actorRole,
    e.actorRegion,
    e.action,
    e.recordType,
    e.recordId,
    e.operation,
    e.sourceIp,
    e.correlationId,
  );
}

/**
 * Audits a list read: one READ entry per record listed (a list shows categories only, but which
 * cases someone browsed is still worth knowing), in one statement.
 */
export const auditListed = (
  db: SqlClient,
  principal: AuditActor,
  context: Pick<RequestContext, 'correlationId' | 'sourceIp'>,
  recordType: string,
  ids: readonly string[],
  operation: string,
): Promise<void> => auditMany(db, principal, context, 'READ', recordType, ids, operation);

/** One entry per record, all of one action and operation (a list read, a chunk of an import), in one statement. */
export async function auditMany(
  db: SqlClient,
  principal: AuditActor,
  context: Pick<RequestContext, 'correlationId' | 'sourceIp'>,
  action: AuditAction,
  recordType: string,
  ids: readonly string[],
  operation: string,
): Promise<void> {
  if (ids.length === 0) return;
  const e = auditEntry(principal, context, action, { type: recordType, id: ids[0]! }, operation);
  await db.$executeRawUnsafe(
    `INSERT INTO audit_entry (actor, actor_role, actor_region, action, record_type, record_id, operation, source_ip, correlation_id)
     SELECT $1, $2, $3, $4, $5, id, $7, $8, $9::uuid FROM unnest($6::uuid[]) AS id`,
    e.actor,
    e.actorRole,
    e.actorRegion,
    e.action,
    e.recordType,
    [...ids],
    e.operation,
    e.sourceIp,
    e.correlationId,
  );
}

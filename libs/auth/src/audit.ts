import type { Principal } from './principal';

/** REFUSED: an attempt on a record the actor may not touch (another region's), refused with 403. */
export type AuditAction = 'READ' | 'CREATE' | 'UPDATE' | 'ERASE' | 'REFUSED';

/** One line of a service's append-only audit_entry table: who, when (the row's default), what, from where. */
export interface AuditEntry {
  readonly actor: string;
  readonly actorRole: string;
  readonly actorRegion: string | null;
  readonly action: AuditAction;
  readonly recordType: string;
  readonly recordId: string;
  readonly operation: string;
  readonly sourceIp: string | null;
  readonly correlationId: string;
}

/** Who acted: a user (their Principal), or a service reacting to an event (role SYSTEM). */
export type AuditActor = Pick<Principal, 'subject' | 'region'> & { readonly role: Principal['role'] | 'SYSTEM' };

export function auditEntry(
  principal: AuditActor,
  context: { readonly correlationId: string; readonly sourceIp: string | null },
  action: AuditAction,
  record: { readonly type: string; readonly id: string },
  operation: string,
): AuditEntry {
  return {
    actor: principal.subject,
    actorRole: principal.role,
    actorRegion: principal.region,
    action,
    recordType: record.type,
    recordId: record.id,
    operation,
    sourceIp: context.sourceIp,
    correlationId: context.correlationId,
  };
}

import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/contexts';
import { ErrorSummary } from '../../components/form-errors';
import { unwrap } from '../../lib/api';
import { almatyInputToIso, formatDateTime } from '../../lib/format';
import { enumValues, type Language } from '../../lib/i18n';

const AUDITED = ['intake', 'legal', 'psychology'] as const;
type Audited = (typeof AUDITED)[number];

interface Filters {
  readonly service: Audited;
  readonly recordId: string;
  readonly actor: string;
  readonly action: string;
  readonly from: string;
  readonly to: string;
}

/** The administrator's view of each service's audit trail: filtered, newest first, a page at a time. */
export default function AuditPage() {
  const { t, i18n } = useTranslation(['audit', 'common', 'enums']);
  const language = i18n.language as Language;
  const api = useApi();
  const [draft, setDraft] = useState<Filters>({ service: 'intake', recordId: '', actor: '', action: '', from: '', to: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  // Each page starts below the last entry of the page before; the stack lets the user go back to the newest.
  const [pages, setPages] = useState<string[]>([]);
  const before = pages.at(-1);
  const query = {
    ...(filters.recordId.trim() ? { recordId: filters.recordId.trim() } : {}),
    ...(filters.actor.trim() ? { actor: filters.actor.trim() } : {}),
    ...(filters.action ? { action: filters.action as 'READ' } : {}),
    ...(filters.from ? { from: almatyInputToIso(`${filters.from}T00:00`) } : {}),
    ...(filters.to ? { to: almatyInputToIso(`${filters.to}T23:59`) } : {}),
    ...(before ? { before } : {}),
    limit: 50,
  };
  const entries = useQuery({
    queryKey: ['audit', filters, before],
    // The three audited services answer /audit alike; intake's client types the call for all of them.
    queryFn: async () => unwrap(await (api[filters.service] as typeof api.intake).GET('/audit', { params: { query } })),
  });
  const show = (event: FormEvent) => {
    event.preventDefault();
    setPages([]);
    setFilters(draft);
  };
  return (
    <div className="desk">
      <h1>{t('title')}</h1>
      <p className="hint">{t('hint')}</p>
      <form className="panel" onSubmit={show} aria-label={t('filters')}>
        <div className="row">
          <label>
            {t('service')}
            <select id="field-service" value={draft.service} onChange={(event) => setDraft({ ...draft, service: event.target.value as Audited })}>
              {AUDITED.map((service) => (
                <option key={service} value={service}>
                  {t(`services.${service}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('recordId')}
            <input id="field-recordId" value={draft.recordId} onChange={(event) => setDraft({ ...draft, recordId: event.target.value })} />
          </label>
          <label>
            {t('actor')}
            <input id="field-actor" value={draft.actor} onChange={(event) => setDraft({ ...draft, actor: event.target.value })} />
          </label>
          <label>
            {t('action')}
            <select id="field-action" value={draft.action} onChange={(event) => setDraft({ ...draft, action: event.target.value })}>
              <option value="">{t('any')}</option>
              {enumValues('auditAction').map((action) => (
                <option key={action} value={action}>
                  {t(`enums:auditAction.${action}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('from')}
            <input id="field-from" type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
          </label>
          <label>
            {t('to')}
            <input id="field-to" type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
          </label>
          <button type="submit" className="primary">
            {t('show')}
          </button>
        </div>
      </form>
      <ErrorSummary error={entries.error} labels={{ recordId: t('recordId'), actor: t('actor'), from: t('from'), to: t('to') }} />
      {entries.isPending && <p role="status">{t('common:loading')}</p>}
      {entries.data && entries.data.length === 0 && <p>{t('empty')}</p>}
      {entries.data && entries.data.length > 0 && (
        <section className="panel" aria-labelledby="audit-entries-heading">
          <h2 id="audit-entries-heading" className="visually-hidden">
            {t('title')}
          </h2>
          <p role="status">{t('common:records', { count: entries.data.length })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('at')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('record')}</th>
                <th scope="col">{t('source')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.map((entry) => (
                <tr key={entry.id} data-entry={entry.id}>
                  <td>{formatDateTime(entry.at, language)}</td>
                  <td>
                    {entry.actor}
                    <br />
                    <span className="hint">
                      {t(`enums:role.${entry.actorRole}`, { defaultValue: entry.actorRole })}
                      {entry.actorRegion ? ` · ${entry.actorRegion}` : ''}
                    </span>
                  </td>
                  <td>
                    {t(`enums:auditAction.${entry.action}`, { defaultValue: entry.action })} · {entry.operation}
                  </td>
                  <td>
                    {entry.recordType}
                    <br />
                    <code>{entry.recordId}</code>
                  </td>
                  <td>{entry.sourceIp ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            {pages.length > 0 && (
              <button type="button" onClick={() => setPages([])}>
                {t('newest')}
              </button>
            )}
            {entries.data.length === 50 && (
              <button type="button" onClick={() => setPages([...pages, entries.data.at(-1)!.id])}>
                {t('older')}
              </button>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

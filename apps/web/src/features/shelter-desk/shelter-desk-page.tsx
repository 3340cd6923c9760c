import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useSession } from '../../app/contexts';
import { CommandForm, EnumChecks, TextField, useCommand, whole } from '../../components/form';
import { ErrorSummary } from '../../components/form-errors';
import { ListPanel } from '../../components/list-panel';
import { ApiError, unwrap } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { paths } from '../../generated/social';

type ShelterBody = paths['/shelters']['post']['requestBody']['content']['application/json'];
type StaffBody = paths['/shelters/{shelterId}/staff']['post']['requestBody']['content']['application/json'];
type AdmissionBody = paths['/stays/{caseId}/admission']['post']['requestBody']['content']['application/json'];
type Stays = paths['/stays']['get']['responses']['200']['content']['application/json']['stays'];
type Shelters = paths['/shelters']['get']['responses']['200']['content']['application/json']['shelters'];

/**
 * The shelter as social workers and shelter staff run it: the board of beds, the admission queue,
 * the residents and aftercare. Shelter staff see their own shelter alone, once assigned to it.
 */
export default function ShelterDeskPage() {
  const { t } = useTranslation('shelter-desk');
  const { principal } = useSession();
  const { social } = useApi();
  const shelters = useQuery({ queryKey: ['shelters'], queryFn: async () => unwrap(await social.GET('/shelters', { params: { query: {} } })).shelters });
  const stays = useQuery({ queryKey: ['stays'], queryFn: async () => unwrap(await social.GET('/stays', { params: { query: {} } })).stays });
  const worker = principal.role === 'SOCIAL_WORKER' || principal.role === 'SHELTER_STAFF';
  const manager = principal.role === 'REGIONAL_MANAGER';
  const unassigned = principal.role === 'SHELTER_STAFF' && shelters.data?.length === 0;
  return (
    <div className="desk">
      <h1>{t('title')}</h1>
      {unassigned && (
        <p role="status" className="notice" data-unassigned>
          {t('unassigned', { account: principal.username })}
        </p>
      )}
      {!unassigned && <ShelterBoard shelters={shelters} />}
      {manager && <OpenShelterForm />}
      {manager && (shelters.data?.length ?? 0) > 0 && <StaffForm shelters={shelters.data ?? []} />}
      {!unassigned && (
        <>
          <AdmissionQueue stays={stays} shelters={shelters.data ?? []} mayAdmit={worker} />
          <Residents stays={stays} mayOpen={worker} />
          <Aftercare stays={stays} mayOpen={worker} />
        </>
      )}
    </div>
  );
}

function ShelterBoard({ shelters }: { shelters: ReturnType<typeof useQuery<Shelters>> }) {
  const { t, i18n } = useTranslation(['shelter-desk', 'enums']);
  const language = i18n.language as Language;
  const withAddress = (shelters.data ?? []).some((s) => s.address !== null);
  return (
    <ListPanel
      id="shelter-board-heading"
      title={t('board.heading')}
      list={shelters}
      empty={t('board.empty')}
      rowKey={(s) => s.id}
      rowAttribute="shelter"
      columns={[
        { header: t('board.name'), cell: (s) => s.name },
        { header: t('board.beds'), cell: (s) => `${formatNumber(s.residents, language)} / ${formatNumber(s.capacity, language)}`, number: true },
        { header: t('board.free'), cell: (s) => formatNumber(s.freeBeds, language), number: true },
        { header: t('board.funding'), cell: (s) => s.funding.map((f) => t(`enums:fundingSource.${f}`)).join(', ') || '—' },
        ...(withAddress ? [{ header: t('board.address'), cell: (s: Shelters[number]) => s.address ?? t('board.hidden') }] : []),
        ...((shelters.data ?? []).some((s) => s.staff !== null) ? [{ header: t('board.staff'), cell: (s: Shelters[number]) => s.staff?.join(', ') || '—' }] : []),
      ]}
    />
  );
}

function OpenShelterForm() {
  const { t } = useTranslation('shelter-desk');
  const { principal } = useSession();
  const { social } = useApi();
  const blank = () => ({ name: '', capacity: '', funding: [] as string[], address: '' });
  const [d, setD] = useState(blank);
  const open = useCommand(async (body: ShelterBody, key: string) => unwrap(await social.POST('/shelters', { body, headers: { 'Idempotency-Key': key } })), [['shelters']]);
  const labels = { name: t('fields.name'), capacity: t('fields.capacity'), funding: t('fields.funding'), address: t('fields.address') };
  return (
    <CommandForm
      id="open-shelter-heading"
      title={t('open.heading')}
      hint={t('open.hint')}
      submitLabel={t('open.submit')}
      onSubmit={() => open.mutate({ region: principal.region, name: d.name, capacity: whole(d.capacity), funding: d.funding, address: d.address } as ShelterBody, { onSuccess: () => setD(blank()) })}
      pending={open.isPending}
      error={open.error}
      labels={labels}
      saved={open.isSuccess ? t('open.saved') : null}
    >
      <div className="row">
        <TextField name="name" label={labels.name} error={open.error} value={d.name} onChange={(name) => setD({ ...d, name })} />
        <TextField name="capacity" type="number" label={labels.capacity} error={open.error} value={d.capacity} onChange={(capacity) => setD({ ...d, capacity })} />
      </div>
      <EnumChecks name="funding" vocabulary="fundingSource" label={labels.funding} error={open.error} values={d.funding} onChange={(funding) => setD({ ...d, funding })} />
      <fieldset className="personal">
        <legend>{labels.address}</legend>
        <TextField name="address" label={labels.address} error={open.error} value={d.address} onChange={(address) => setD({ ...d, address })} />
      </fieldset>
    </CommandForm>
  );
}

/** The regional manager assigns a staff account to a shelter of the region, or takes it off. */
function StaffForm({ shelters }: { shelters: Shelters }) {
  const { t } = useTranslation('shelter-desk');
  const { social } = useApi();
  const [d, setD] = useState({ shelterId: shelters[0]!.id, account: '', assigned: true });
  const assign = useCommand(
    async ({ shelterId, ...body }: StaffBody & { shelterId: string }, key: string) =>
      unwrap(await social.POST('/shelters/{shelterId}/staff', { params: { path: { shelterId } }, body, headers: { 'Idempotency-Key': key } })),
    [['shelters']],
  );
  const labels = { shelterId: t('staff.shelter'), account: t('staff.account'), assigned: t('staff.action') };
  return (
    <CommandForm
      id="shelter-staff-heading"
      title={t('staff.heading')}
      hint={t('staff.hint')}
      submitLabel={t('staff.submit')}
      onSubmit={() => assign.mutate({ shelterId: d.shelterId, account: d.account.trim(), assigned: d.assigned }, { onSuccess: () => setD({ ...d, account: '' }) })}
      pending={assign.isPending}
      error={assign.error}
      labels={labels}
      saved={assign.isSuccess ? t('staff.saved') : null}
    >
      <div className="row">
        <label>
          {labels.shelterId}
          <select id="field-shelterId" value={d.shelterId} onChange={(event) => setD({ ...d, shelterId: event.target.value })}>
            {shelters.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <TextField name="account" label={labels.account} error={assign.error} value={d.account} onChange={(account) => setD({ ...d, account })} />
        <label>
          {labels.assigned}
          <select id="field-assigned" value={d.assigned ? 'assign' : 'remove'} onChange={(event) => setD({ ...d, assigned: event.target.value === 'assign' })}>
            <option value="assign">{t('staff.assign')}</option>
            <option value="remove">{t('staff.remove')}</option>
          </select>
        </label>
      </div>
    </CommandForm>
  );
}

const waiting = (stays: Stays | undefined) => stays?.filter((s) => s.status === 'REQUESTED');

function AdmissionQueue({ stays, shelters, mayAdmit }: { stays: ReturnType<typeof useQuery<Stays>>; shelters: Shelters; mayAdmit: boolean }) {
  const { t, i18n } = useTranslation('shelter-desk');
  const queue = { ...stays, data: waiting(stays.data) } as ReturnType<typeof useQuery<Stays>>;
  return (
    <ListPanel
      id="admission-queue-heading"
      title={t('queue.heading')}
      list={queue}
      empty={t('queue.empty')}
      rowKey={(s) => s.caseId}
      rowAttribute="waiting"
      columns={[
        { header: t('queue.requestedAt'), cell: (s) => formatDate(s.requestedAt, i18n.language as Language) },
        { header: t('queue.case'), cell: (s) => s.caseId.slice(0, 8) },
        ...(mayAdmit ? [{ header: t('queue.admit'), cell: (s: Stays[number]) => <AdmitForm caseId={s.caseId} shelters={shelters} /> }] : []),
      ]}
    />
  );
}

/** Admission from the queue's row: a full shelter is refused with the service's reason, which names the shelters with beds. */
function AdmitForm({ caseId, shelters }: { caseId: string; shelters: Shelters }) {
  const { t } = useTranslation('shelter-desk');
  const { social } = useApi();
  const [picked, setShelterId] = useState('');
  // The board may arrive after the queue: until a shelter is picked, the first one listed is meant.
  const shelterId = picked || (shelters[0]?.id ?? '');
  const admit = useCommand(
    async (body: AdmissionBody, key: string) => unwrap(await social.POST('/stays/{caseId}/admission', { params: { path: { caseId } }, body, headers: { 'Idempotency-Key': key } })),
    [['stays'], ['shelters']],
  );
  const refusal = admit.error instanceof ApiError && admit.error.status === 409 ? admit.error.message : null;
  return (
    <form
      className="inline"
      onSubmit={(event) => {
        event.preventDefault();
        admit.mutate({ shelterId } as AdmissionBody);
      }}
    >
      <label>
        {t('queue.to')}
        <select id={`field-shelterId-${caseId}`} value={shelterId} onChange={(event) => setShelterId(event.target.value)}>
          {shelters.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.freeBeds})
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={admit.isPending || !shelterId}>
        {t('queue.admit')}
      </button>
      {refusal && (
        <p role="alert" className="error">
          {refusal}
        </p>
      )}
      {admit.isError && !refusal && <ErrorSummary error={admit.error} labels={{}} />}
    </form>
  );
}

function Residents({ stays, mayOpen }: { stays: ReturnType<typeof useQuery<Stays>>; mayOpen: boolean }) {
  const { t, i18n } = useTranslation('shelter-desk');
  const residents = { ...stays, data: stays.data?.filter((s) => s.status === 'RESIDENT') } as ReturnType<typeof useQuery<Stays>>;
  return (
    <ListPanel
      id="residents-heading"
      title={t('residents.heading')}
      list={residents}
      empty={t('residents.empty')}
      rowKey={(s) => s.caseId}
      rowAttribute="resident"
      columns={[
        { header: t('queue.case'), cell: (s) => s.caseId.slice(0, 8) },
        { header: t('board.name'), cell: (s) => s.shelterName ?? '—' },
        { header: t('residents.since'), cell: (s) => (s.admittedAt ? formatDate(s.admittedAt, i18n.language as Language) : '—') },
      ]}
      {...(mayOpen ? { open: { label: t('residents.open'), to: (s: Stays[number]) => `/shelter/stays/${s.caseId}`, which: (s: Stays[number]) => s.caseId.slice(0, 8) } } : {})}
    />
  );
}

function Aftercare({ stays, mayOpen }: { stays: ReturnType<typeof useQuery<Stays>>; mayOpen: boolean }) {
  const { t, i18n } = useTranslation(['shelter-desk', 'enums']);
  const language = i18n.language as Language;
  // A case's latest stay only (the list is newest first): one who came back is followed in the new stay.
  // So a case is one row in each list (a new stay opens only once the last has ended): rows are keyed by case.
  const latest = stays.data?.filter((s, i, all) => all.findIndex((other) => other.caseId === s.caseId) === i);
  const followed = { ...stays, data: latest?.filter((s) => s.status === 'DISCHARGED' && s.aftercareUntil) } as ReturnType<typeof useQuery<Stays>>;
  return (
    <ListPanel
      id="aftercare-heading"
      title={t('aftercare.heading')}
      list={followed}
      empty={t('aftercare.empty')}
      rowKey={(s) => s.caseId}
      rowAttribute="aftercare"
      columns={[
        { header: t('queue.case'), cell: (s) => s.caseId.slice(0, 8) },
        { header: t('aftercare.left'), cell: (s) => `${s.dischargedAt ? formatDate(s.dischargedAt, language) : ''} · ${s.exit ? t(`enums:shelterExit.${s.exit}`) : ''}` },
        { header: t('aftercare.until'), cell: (s) => (s.aftercareUntil ? formatDate(`${s.aftercareUntil}T12:00:00+05:00`, language) : '—') },
        { header: t('aftercare.lastContact'), cell: (s) => (s.lastContactAt ? formatDate(s.lastContactAt, language) : '—') },
        { header: t('aftercare.overdue'), cell: (s) => (s.followUpOverdue ? <strong className="error">{t('aftercare.overdue')}</strong> : t('aftercare.onTrack')) },
      ]}
      {...(mayOpen ? { open: { label: t('residents.open'), to: (s: Stays[number]) => `/shelter/stays/${s.caseId}`, which: (s: Stays[number]) => s.caseId.slice(0, 8) } } : {})}
    />
  );
}

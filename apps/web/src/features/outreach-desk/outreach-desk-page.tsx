import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useSession } from '../../app/contexts';
import { CommandForm, EnumChecks, EnumField, optional, TextField, useCommand, when, whole } from '../../components/form';
import { ErrorSummary } from '../../components/form-errors';
import { unwrap } from '../../lib/api';
import { almatyLocalInput, formatDate, formatMonth, formatNumber } from '../../lib/format';
import { enumValues, type Language } from '../../lib/i18n';
import type { paths } from '../../generated/outreach';

type Body<P extends '/trainings' | '/materials' | '/media' | '/raids' | '/volunteer-sessions' | '/coordination-meetings' | '/agreements'> =
  paths[P]['post']['requestBody']['content']['application/json'];

/** Outreach as the coordinator records it: the month's activities of the office, and a form for each kind. */
export default function OutreachDeskPage() {
  const { t } = useTranslation('outreach-desk');
  return (
    <div className="desk">
      <h1>{t('title')}</h1>
      <MonthOfActivities />
      <TrainingForm />
      <RaidForm />
      <MaterialsForm />
      <MediaForm />
      <VolunteerForm />
      <MeetingForm />
      <AgreementForm />
    </div>
  );
}

const ACTIVITIES = [['activities']] as const;
const now = () => almatyLocalInput(new Date());

function MonthOfActivities() {
  const { t, i18n } = useTranslation(['outreach-desk', 'common', 'enums']);
  const language = i18n.language as Language;
  const { outreach } = useApi();
  const [month, setMonth] = useState(() => now().slice(0, 7));
  const activities = useQuery({ queryKey: ['activities', month], queryFn: async () => unwrap(await outreach.GET('/activities', { params: { query: { month } } })) });
  const a = activities.data;
  const total = (participants: readonly { count: number }[]) => participants.reduce((sum, p) => sum + p.count, 0);
  return (
    <section className="panel" aria-labelledby="activities-heading">
      <h2 id="activities-heading">{t('month.heading', { month: formatMonth(month, language) })}</h2>
      <label className="inline">
        {t('month.pick')}
        <input type="month" value={month} onChange={(event) => event.target.value && setMonth(event.target.value)} />
      </label>
      {activities.isError && <ErrorSummary error={activities.error} labels={{}} />}
      {a && a.trainings.length + a.materials.length + a.media.length + a.raids.length + a.volunteerSessions.length + a.coordinationMeetings.length + a.agreements.length === 0 && (
        <p>{t('month.nothing')}</p>
      )}
      {a && (
        <ul className="activities">
          {a.trainings.map((x) => (
            <li key={x.id} data-activity="training">
              <strong>{t('month.trainings')}</strong> · {formatDate(x.heldAt, language)} · {x.site} · {t(`enums:audience.${x.audience}`)} · {t('month.participants', { count: total(x.participants) })}
            </li>
          ))}
          {a.raids.map((x) => (
            <li key={x.id} data-activity="raid">
              <strong>{t('month.raids')}</strong> · {formatDate(x.conductedAt, language)} · {t(`enums:raidPlaceType.${x.placeType}`)} · {t(`enums:partnerAgency.${x.partnerAgency}`)} ·{' '}
              {t('month.victims', { count: x.victims.length })}
            </li>
          ))}
          {a.materials.map((x) => (
            <li key={x.id} data-activity="materials">
              <strong>{t('month.materials')}</strong> · {formatDate(x.distributedAt, language)} · {x.title} · {t('month.pieces', { count: x.quantity })}
            </li>
          ))}
          {a.media.map((x) => (
            <li key={x.id} data-activity="media">
              <strong>{t('month.media')}</strong> · {formatDate(x.publishedAt, language)} · {t(`enums:mediaKind.${x.kind}`)} · {x.outlet}
            </li>
          ))}
          {a.coordinationMeetings.map((x) => (
            <li key={x.id} data-activity="coordination-meeting">
              <strong>{t('month.meetings')}</strong> · {formatDate(x.heldAt, language)} · {t(`enums:coordinationBody.${x.body}`)} ·{' '}
              {x.topics.map((topic) => t(`enums:agendaTopic.${topic}`)).join(', ')}
            </li>
          ))}
          {a.agreements.map((x) => (
            <li key={x.id} data-activity="agreement">
              <strong>{t('month.agreements')}</strong> · {formatDate(x.signedAt, language)} · {x.partyName} ({t(`enums:agreementParty.${x.partyType}`)}) ·{' '}
              {x.scope.map((scope) => t(`enums:agreementScope.${scope}`)).join(', ')}
            </li>
          ))}
          {a.volunteerSessions.map((x) => (
            <li key={x.id} data-activity="volunteer-session">
              <strong>{t('month.volunteerSessions')}</strong> · {formatDate(x.heldAt, language)} · {x.activity} · {t('month.volunteers', { count: x.volunteers })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const SEXES = ['FEMALE', 'MALE'] as const;

/** A training's participants typed as a sex × age-band grid, with the totals people check against the sign-in sheet. */
function TrainingForm() {
  const { t, i18n } = useTranslation(['outreach-desk', 'enums']);
  const language = i18n.language as Language;
  const { principal } = useSession();
  const { outreach } = useApi();
  const bands = enumValues('ageBand');
  const blank = () => ({ heldAt: now(), site: '', siteType: 'SCHOOL', audience: 'PUPILS', hours: '2', partner: '', grid: {} as Record<string, string> });
  const [d, setD] = useState(blank);
  const record = useCommand(async (body: Body<'/trainings'>, key: string) => unwrap(await outreach.POST('/trainings', { body, headers: { 'Idempotency-Key': key } })), ACTIVITIES);
  const cell = (sex: string, band: string) => Number(d.grid[`${sex}:${band}`] || 0);
  const rowTotal = (sex: string) => bands.reduce((sum, band) => sum + cell(sex, band), 0);
  const columnTotal = (band: string) => SEXES.reduce((sum, sex) => sum + cell(sex, band), 0);
  const participants = SEXES.flatMap((sex) => bands.map((ageBand) => ({ sex, ageBand, count: cell(sex, ageBand) }))).filter((p) => p.count > 0);
  const labels = Object.fromEntries(['heldAt', 'site', 'siteType', 'audience', 'hours', 'partner', 'participants'].map((f) => [f, t(`fields.${f}`)]));
  return (
    <CommandForm
      id="training-heading"
      title={t('training.heading')}
      submitLabel={t('training.submit')}
      onSubmit={() =>
        record.mutate(
          {
            region: principal.region,
            heldAt: when(d.heldAt),
            site: d.site,
            siteType: d.siteType,
            audience: d.audience,
            hours: whole(d.hours),
            partner: optional(d.partner),
            participants,
          } as Body<'/trainings'>,
          { onSuccess: () => setD(blank()) },
        )
      }
      pending={record.isPending}
      error={record.error}
      labels={labels}
      saved={record.isSuccess ? t('training.saved') : null}
    >
      <div className="row">
        <TextField name="heldAt" type="datetime-local" label={labels['heldAt']!} error={record.error} value={d.heldAt} onChange={(heldAt) => setD({ ...d, heldAt })} />
        <TextField name="site" label={labels['site']!} error={record.error} value={d.site} onChange={(site) => setD({ ...d, site })} />
        <EnumField name="siteType" vocabulary="siteType" label={labels['siteType']!} error={record.error} value={d.siteType} onChange={(siteType) => setD({ ...d, siteType })} />
        <EnumField name="audience" vocabulary="audience" label={labels['audience']!} error={record.error} value={d.audience} onChange={(audience) => setD({ ...d, audience })} />
        <TextField name="hours" type="number" label={labels['hours']!} error={record.error} value={d.hours} onChange={(hours) => setD({ ...d, hours })} />
        <TextField name="partner" label={labels['partner']!} error={record.error} value={d.partner} onChange={(partner) => setD({ ...d, partner })} />
      </div>
      <fieldset id="field-participants">
        <legend>{t('training.grid')}</legend>
        <p className="hint">{t('training.gridHint')}</p>
        <div className="grid-scroll">
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('fields.sex')}</th>
                {bands.map((band) => (
                  <th scope="col" key={band} className="number">
                    {t(`enums:ageBand.${band}`)}
                  </th>
                ))}
                <th scope="col" className="number">
                  {t('training.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {SEXES.map((sex) => (
                <tr key={sex}>
                  <th scope="row">{t(`enums:sex.${sex}`)}</th>
                  {bands.map((band) => (
                    <td key={band}>
                      <input
                        className="count"
                        inputMode="numeric"
                        aria-label={`${t(`enums:sex.${sex}`)}, ${t(`enums:ageBand.${band}`)}`}
                        data-cell={`${sex}:${band}`}
                        value={d.grid[`${sex}:${band}`] ?? ''}
                        onChange={(event) => setD({ ...d, grid: { ...d.grid, [`${sex}:${band}`]: event.target.value.replace(/\D/g, '') } })}
                      />
                    </td>
                  ))}
                  <td className="number" data-total={sex}>
                    {formatNumber(rowTotal(sex), language)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('training.total')}</th>
                {bands.map((band) => (
                  <td key={band} className="number">
                    {formatNumber(columnTotal(band), language)}
                  </td>
                ))}
                <td className="number" data-total="all">
                  {formatNumber(
                    participants.reduce((sum, p) => sum + p.count, 0),
                    language,
                  )}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </fieldset>
    </CommandForm>
  );
}

const newVictim = () => ({ sex: 'FEMALE', ageBand: 'AGE_18_24', citizenship: '', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER' });

function RaidForm() {
  const { t } = useTranslation(['outreach-desk', 'enums']);
  const { principal } = useSession();
  const { outreach } = useApi();
  const blank = () => ({ conductedAt: now(), placeType: 'CONSTRUCTION_SITE', partnerAgency: 'MIGRATION_POLICE', personsScreened: '', victims: [] as ReturnType<typeof newVictim>[] });
  const [d, setD] = useState(blank);
  const record = useCommand(async (body: Body<'/raids'>, key: string) => unwrap(await outreach.POST('/raids', { body, headers: { 'Idempotency-Key': key } })), ACTIVITIES);
  const labels = Object.fromEntries(['conductedAt', 'placeType', 'partnerAgency', 'personsScreened'].map((f) => [f, t(`fields.${f}`)]));
  const setVictim = (i: number, change: Partial<ReturnType<typeof newVictim>>) => setD({ ...d, victims: d.victims.map((v, j) => (j === i ? { ...v, ...change } : v)) });
  return (
    <CommandForm
      id="raid-heading"
      title={t('raid.heading')}
      hint={t('raid.hint')}
      submitLabel={t('raid.submit')}
      onSubmit={() =>
        record.mutate(
          {
            region: principal.region,
            conductedAt: when(d.conductedAt),
            placeType: d.placeType,
            partnerAgency: d.partnerAgency,
            personsScreened: whole(d.personsScreened),
            victims: d.victims.map((v) => ({ ...v, citizenship: v.citizenship.trim().toUpperCase() })),
          } as Body<'/raids'>,
          { onSuccess: () => setD(blank()) },
        )
      }
      pending={record.isPending}
      error={record.error}
      labels={labels}
      saved={record.isSuccess ? t('raid.saved') : null}
    >
      <div className="row">
        <TextField name="conductedAt" type="datetime-local" label={labels['conductedAt']!} error={record.error} value={d.conductedAt} onChange={(conductedAt) => setD({ ...d, conductedAt })} />
        <EnumField name="placeType" vocabulary="raidPlaceType" label={labels['placeType']!} error={record.error} value={d.placeType} onChange={(placeType) => setD({ ...d, placeType })} />
        <EnumField
          name="partnerAgency"
          vocabulary="partnerAgency"
          label={labels['partnerAgency']!}
          error={record.error}
          value={d.partnerAgency}
          onChange={(partnerAgency) => setD({ ...d, partnerAgency })}
        />
        <TextField
          name="personsScreened"
          type="number"
          label={labels['personsScreened']!}
          error={record.error}
          value={d.personsScreened}
          onChange={(personsScreened) => setD({ ...d, personsScreened })}
        />
      </div>
      <fieldset id="field-victims">
        <legend>{t('raid.victims')}</legend>
        {d.victims.map((v, i) => (
          <fieldset key={i} className="victim">
            <legend>{t('raid.victim', { n: i + 1 })}</legend>
            <div className="row">
              <EnumField name={`victims.${i}.sex`} vocabulary="sex" label={t('fields.sex')} error={record.error} value={v.sex} onChange={(sex) => setVictim(i, { sex })} />
              <EnumField name={`victims.${i}.ageBand`} vocabulary="ageBand" label={t('fields.ageBand')} error={record.error} value={v.ageBand} onChange={(ageBand) => setVictim(i, { ageBand })} />
              <TextField name={`victims.${i}.citizenship`} label={t('fields.citizenship')} error={record.error} value={v.citizenship} onChange={(citizenship) => setVictim(i, { citizenship })} />
              <EnumField
                name={`victims.${i}.exploitationForm`}
                vocabulary="exploitationForm"
                label={t('fields.exploitationForm')}
                error={record.error}
                value={v.exploitationForm}
                onChange={(exploitationForm) => setVictim(i, { exploitationForm })}
              />
              <EnumField name={`victims.${i}.scope`} vocabulary="scope" label={t('fields.scope')} error={record.error} value={v.scope} onChange={(scope) => setVictim(i, { scope })} />
              <button type="button" onClick={() => setD({ ...d, victims: d.victims.filter((_, j) => j !== i) })}>
                {t('raid.removeVictim', { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        ))}
        <button type="button" onClick={() => setD({ ...d, victims: [...d.victims, newVictim()] })}>
          {t('raid.addVictim')}
        </button>
      </fieldset>
    </CommandForm>
  );
}

function MaterialsForm() {
  const { t } = useTranslation('outreach-desk');
  const { principal } = useSession();
  const { outreach } = useApi();
  const blank = () => ({ distributedAt: now(), kind: 'BOOKLET', title: '', quantity: '' });
  const [d, setD] = useState(blank);
  const record = useCommand(async (body: Body<'/materials'>, key: string) => unwrap(await outreach.POST('/materials', { body, headers: { 'Idempotency-Key': key } })), ACTIVITIES);
  const labels = Object.fromEntries(['distributedAt', 'kind', 'title', 'quantity'].map((f) => [f, t(`fields.${f}`)]));
  return (
    <CommandForm
      id="materials-heading"
      title={t('materials.heading')}
      submitLabel={t('materials.submit')}
      onSubmit={() =>
        record.mutate({ region: principal.region, distributedAt: when(d.distributedAt), kind: d.kind, title: d.title, quantity: whole(d.quantity) } as Body<'/materials'>, {
          onSuccess: () => setD(blank()),
        })
      }
      pending={record.isPending}
      error={record.error}
      labels={labels}
      saved={record.isSuccess ? t('materials.saved') : null}
    >
      <div className="row">
        <TextField
          name="distributedAt"
          type="datetime-local"
          label={labels['distributedAt']!}
          error={record.error}
          value={d.distributedAt}
          onChange={(distributedAt) => setD({ ...d, distributedAt })}
        />
        <EnumField name="kind" vocabulary="materialKind" label={labels['kind']!} error={record.error} value={d.kind} onChange={(kind) => setD({ ...d, kind })} />
        <TextField name="title" label={labels['title']!} error={record.error} value={d.title} onChange={(title) => setD({ ...d, title })} />
        <TextField name="quantity" type="number" label={labels['quantity']!} error={record.error} value={d.quantity} onChange={(quantity) => setD({ ...d, quantity })} />
      </div>
    </CommandForm>
  );
}

function MediaForm() {
  const { t } = useTranslation('outreach-desk');
  const { principal } = useSession();
  const { outreach } = useApi();
  const blank = () => ({ publishedAt: now(), kind: 'NEWSPAPER_ARTICLE', outlet: '', title: '' });
  const [d, setD] = useState(blank);
  const record = useCommand(async (body: Body<'/media'>, key: string) => unwrap(await outreach.POST('/media', { body, headers: { 'Idempotency-Key': key } })), ACTIVITIES);
  const labels = Object.fromEntries(['publishedAt', 'kind', 'outlet', 'title'].map((f) => [f, t(`fields.${f}`)]));
  return (
    <CommandForm
      id="media-heading"
      title={t('media.heading')}
      submitLabel={t('media.submit')}
      onSubmit={() =>
        record.mutate({ region: principal.region, publishedAt: when(d.publishedAt), kind: d.kind, outlet: d.outlet, title: optional(d.title) } as Body<'/media'>, { onSuccess: () => setD(blank()) })
      }
      pending={record.isPending}
      error={record.error}
      labels={labels}
      saved={record.isSuccess ? t('media.saved') : null}
    >
      <div className="row">
        <TextField name="publishedAt" type="datetime-local" label={labels['publishedAt']!} error={record.error} value={d.publishedAt} onChange={(publishedAt) => setD({ ...d, publishedAt })} />
        <EnumField name="mediaKind" vocabulary="mediaKind" label={labels['kind']!} error={record.error} value={d.kind} onChange={(kind) => setD({ ...d, kind })} />
        <TextField name="outlet" label={labels['outlet']!} error={record.error} value={d.outlet} onChange={(outlet) => setD({ ...d, outlet })} />
        <TextField name="mediaTitle" label={labels['title']!} error={record.error} value={d.title} onChange={(title) => setD({ ...d, title })} />
      </div>
    </CommandForm>
  );
}

function VolunteerForm() {
  const { t } = useTranslation('outreach-desk');
  const { principal } = useSession();
  const { outreach } = useApi();
  const blank = () => ({ heldAt: now(), volunteers: '', hours: '2', activity: '' });
  const [d, setD] = useState(blank);
  const record = useCommand(async (body: Body<'/volunteer-sessions'>, key: string) => unwrap(await outreach.POST('/volunteer-sessions', { body, headers: { 'Idempotency-Key': key } })), ACTIVITIES);
  const labels = Object.fromEntries(['heldAt', 'volunteers', 'hours', 'activity'].map((f) => [f, t(`fields.${f}`)]));
  return (
    <CommandForm
      id="volunteer-heading"
      title={t('volunteer.heading')}
      submitLabel={t('volunteer.submit')}
      onSubmit={() =>
        record.mutate({ region: principal.region, heldAt: when(d.heldAt), volunteers: whole(d.volunteers), hours: whole(d.hours), activity: d.activity } as Body<'/volunteer-sessions'>, {
          onSuccess: () => setD(blank()),
        })
      }
      pending={record.isPending}
      error={record.error}
      labels={labels}
      saved={record.isSuccess ? t('volunteer.saved') : null}
    >
      <div className="row">
        <TextField name="volunteerHeldAt" type="datetime-local" label={labels['heldAt']!} error={record.error} value={d.heldAt} onChange={(heldAt) => setD({ ...d, heldAt })} />
        <TextField name="volunteers" type="number" label={labels['volunteers']!} error={record.error} value={d.volunteers} onChange={(volunteers) => setD({ ...d, volunteers })} />
        <TextField name="volunteerHours" type="number" label={labels['hours']!} error={record.error} value={d.hours} onChange={(hours) => setD({ ...d, hours })} />
        <TextField name="activity" label={labels['activity']!} error={record.error} value={d.activity} onChange={(activity) => setD({ ...d, activity })} />
      </div>
    </CommandForm>
  );
}

function MeetingForm() {
  const { t } = useTranslation('outreach-desk');
  const { principal } = useSession();
  const { outreach } = useApi();
  const blank = () => ({ heldAt: now(), body: 'INTERDEPARTMENTAL_COMMISSION', topics: [] as string[] });
  const [d, setD] = useState(blank);
  const record = useCommand(
    async (body: Body<'/coordination-meetings'>, key: string) => unwrap(await outreach.POST('/coordination-meetings', { body, headers: { 'Idempotency-Key': key } })),
    ACTIVITIES,
  );
  const labels = { heldAt: t('fields.heldAt'), body: t('fields.body'), topics: t('fields.topics') };
  return (
    <CommandForm
      id="meeting-heading"
      title={t('meeting.heading')}
      hint={t('meeting.hint')}
      submitLabel={t('meeting.submit')}
      onSubmit={() => record.mutate({ region: principal.region, heldAt: when(d.heldAt), body: d.body, topics: d.topics } as Body<'/coordination-meetings'>, { onSuccess: () => setD(blank()) })}
      pending={record.isPending}
      error={record.error}
      labels={labels}
      saved={record.isSuccess ? t('meeting.saved') : null}
    >
      <div className="row">
        <TextField name="meetingHeldAt" type="datetime-local" label={labels.heldAt} error={record.error} value={d.heldAt} onChange={(heldAt) => setD({ ...d, heldAt })} />
        <EnumField name="body" vocabulary="coordinationBody" label={labels.body} error={record.error} value={d.body} onChange={(body) => setD({ ...d, body })} />
      </div>
      <EnumChecks name="topics" vocabulary="agendaTopic" label={labels.topics} error={record.error} values={d.topics} onChange={(topics) => setD({ ...d, topics })} />
    </CommandForm>
  );
}

function AgreementForm() {
  const { t } = useTranslation('outreach-desk');
  const { principal } = useSession();
  const { outreach } = useApi();
  const blank = () => ({ signedAt: now(), partyType: 'LAW_ENFORCEMENT', partyName: '', scope: [] as string[], expiresOn: '' });
  const [d, setD] = useState(blank);
  const record = useCommand(async (body: Body<'/agreements'>, key: string) => unwrap(await outreach.POST('/agreements', { body, headers: { 'Idempotency-Key': key } })), ACTIVITIES);
  const labels = { signedAt: t('fields.signedAt'), partyType: t('fields.partyType'), partyName: t('fields.partyName'), scope: t('fields.agreementScope'), expiresOn: t('fields.expiresOn') };
  return (
    <CommandForm
      id="agreement-heading"
      title={t('agreement.heading')}
      submitLabel={t('agreement.submit')}
      onSubmit={() =>
        record.mutate(
          { region: principal.region, signedAt: when(d.signedAt), partyType: d.partyType, partyName: d.partyName, scope: d.scope, expiresOn: optional(d.expiresOn) } as Body<'/agreements'>,
          { onSuccess: () => setD(blank()) },
        )
      }
      pending={record.isPending}
      error={record.error}
      labels={labels}
      saved={record.isSuccess ? t('agreement.saved') : null}
    >
      <div className="row">
        <TextField name="signedAt" type="datetime-local" label={labels.signedAt} error={record.error} value={d.signedAt} onChange={(signedAt) => setD({ ...d, signedAt })} />
        <EnumField name="partyType" vocabulary="agreementParty" label={labels.partyType} error={record.error} value={d.partyType} onChange={(partyType) => setD({ ...d, partyType })} />
        <TextField name="partyName" label={labels.partyName} error={record.error} value={d.partyName} onChange={(partyName) => setD({ ...d, partyName })} />
        <TextField name="expiresOn" type="date" label={labels.expiresOn} error={record.error} value={d.expiresOn} onChange={(expiresOn) => setD({ ...d, expiresOn })} />
      </div>
      <EnumChecks name="scope" vocabulary="agreementScope" label={labels.scope} error={record.error} values={d.scope} onChange={(scope) => setD({ ...d, scope })} />
    </CommandForm>
  );
}

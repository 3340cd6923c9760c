import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi, useSession } from '../../app/contexts';
import { ErrorSummary } from '../../components/form-errors';
import { unwrap } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { paths } from '../../generated/intake';

export function RecentCalls() {
  const { t, i18n } = useTranslation(['hotline-desk', 'common', 'enums']);
  const { principal } = useSession();
  const { intake } = useApi();
  const region = principal.region as NonNullable<paths['/hotline-calls']['get']['parameters']['query']>['region'];
  const calls = useQuery({
    queryKey: ['hotline-calls', region],
    queryFn: async () => unwrap(await intake.GET('/hotline-calls', { params: { query: { region, limit: 20 } } })).calls,
  });
  const list = (values: readonly string[], vocabulary: string) => values.map((v) => t(`enums:${vocabulary}.${v}`)).join(', ');
  return (
    <section aria-labelledby="recent-calls-heading" className="panel">
      <h2 id="recent-calls-heading">{t('recent.heading')}</h2>
      {calls.isPending && <p role="status">{t('common:loading')}</p>}
      {calls.isError && <ErrorSummary error={calls.error} labels={{}} />}
      {calls.data && calls.data.length === 0 && <p>{t('recent.empty')}</p>}
      {calls.data && calls.data.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('recent.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('recent.receivedAt')}</th>
              <th scope="col">{t('recent.channel')}</th>
              <th scope="col">{t('recent.category')}</th>
              <th scope="col">{t('recent.topics')}</th>
              <th scope="col">{t('recent.referrals')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.data.map((call) => (
              <tr key={call.id}>
                <td>{formatDateTime(call.receivedAt, i18n.language as Language)}</td>
                <td>{t(`enums:channel.${call.channel}`)}</td>
                <td>{t(`enums:callerCategory.${call.callerCategory}`)}</td>
                <td>{list(call.topics, 'topic')}</td>
                <td>{list(call.referrals, 'referralDestination')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { CallForm } from './call-form';
import { RecentCalls } from './recent-calls';

export default function HotlineDeskPage() {
  const { t } = useTranslation('hotline-desk');
  return (
    <div className="desk">
      <h1>{t('title')}</h1>
      <CallForm />
      <RecentCalls />
    </div>
  );
}

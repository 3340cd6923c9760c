import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/language-switch';

export function SignInPage({ onSignIn }: { onSignIn: () => Promise<void> }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const signIn = () => {
    setState('busy');
    onSignIn().catch(() => setState('failed'));
  };
  return (
    <main className="sign-in" id="main">
      <LanguageSwitch />
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {state === 'failed' && (
        <p role="alert" className="error">
          {t('signIn.failed')}
        </p>
      )}
      <button type="button" className="primary" onClick={signIn} disabled={state === 'busy'}>
        {state === 'busy' ? t('signIn.signingIn') : t('signIn.button')}
      </button>
    </main>
  );
}

// Sign-in with e-mail and password, and with the municipality's Entra ID when the server has OIDC set up.
import { Button, Divider, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { FormErrors, TextField } from '../forms/fields';
import { useAuthConfig, useLogin, type TSessionUser } from './session';
import { PageHeading } from '../shell/PageHeading';

export function LoginForm({ onSignedIn }: { onSignedIn: (user: TSessionUser) => void }) {
  const t = useT();
  const login = useLogin();
  const config = useAuthConfig();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: ({ user }) => onSignedIn(user) });
  }

  return (
    <div className="narrow stack">
      <PageHeading>{t('login.heading')}</PageHeading>
      <form onSubmit={submit} className="stack" noValidate>
        <FormErrors form="login" error={login.error} labels={{ email: t('login.email'), password: t('login.password') }} />
        <TextField form="login" name="email" type="email" label={t('login.email')} value={email} onChange={setEmail}
          autoComplete="username" required error={login.error} />
        <TextField form="login" name="password" type="password" label={t('login.password')} value={password}
          onChange={setPassword} autoComplete="current-password" required error={login.error} />
        <div>
          <Button type="submit" disabled={login.isPending}>{t('login.submit')}</Button>
        </div>
      </form>
      {config.data?.oidc ? (
        <>
          <Divider />
          <Paragraph>{t('login.oidcIntro')}</Paragraph>
          <div>
            <Button asChild variant="secondary">
              <a href="/api/auth/oidc/login">{t('login.oidc')}</a>
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}

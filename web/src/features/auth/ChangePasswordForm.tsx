// Password change for the signed-in user (POST /api/auth/password); the server keeps this session
// and ends the others.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { useT } from '../../i18n';
import { FormErrors, TextField } from '../forms/fields';

export function ChangePasswordForm() {
  const t = useT();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () => ok(api.POST('/api/auth/password', { body: { currentPassword, newPassword } })),
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate();
  }

  return (
    <form onSubmit={submit} className="stack narrow" noValidate>
      <Heading level={2} data-size="sm">{t('profile.changePassword')}</Heading>
      <FormErrors form="password" error={change.error}
        labels={{ currentPassword: t('profile.currentPassword'), newPassword: t('profile.newPassword') }} />
      {change.isSuccess ? (
        <Alert data-color="success" role="status"><Paragraph>{t('profile.passwordChanged')}</Paragraph></Alert>
      ) : null}
      <TextField form="password" name="currentPassword" type="password" label={t('profile.currentPassword')}
        value={currentPassword} onChange={setCurrent} autoComplete="current-password" required error={change.error} />
      <TextField form="password" name="newPassword" type="password" label={t('profile.newPassword')}
        description={t('profile.newPasswordHint')} value={newPassword} onChange={setNew}
        autoComplete="new-password" required error={change.error} />
      <div>
        <Button type="submit" disabled={change.isPending}>{t('profile.savePassword')}</Button>
      </div>
    </form>
  );
}

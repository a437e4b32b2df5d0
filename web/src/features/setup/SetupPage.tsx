// The first-run page (/oppsett?token=…): the link from the server's log creates the install's first
// admin and its cooperation in one request, signs the admin in and goes on to the admin pages.
import { Alert, Button, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok, type TApiSchema } from '../../api/client';
import { useSetupT } from './messages';
import { sessionKey } from '../auth/session';
import { FormErrors, TextField } from '../forms/fields';
import { PageHeading } from '../shell/PageHeading';

const FORM = 'setup';

/** The form's fields as typed: the request's, with the host's number as text (empty: none). */
type TSetupInput = Omit<TApiSchema<'CompleteSetupRequest'>, 'token' | 'hostMunicipalityNumber'> & { hostMunicipalityNumber: string };

const EMPTY: TSetupInput = {
  adminName: '', adminEmail: '', adminPassword: '', cooperationName: '', shortName: '', organisationNumber: '',
  hostMunicipalityName: '', hostMunicipalityNumber: '', founded: '',
};

export function SetupPage({ token, onDone }: { token: string | undefined; onDone: () => void }) {
  const t = useSetupT();
  const client = useQueryClient();
  const [input, setInput] = useState<TSetupInput>(EMPTY);
  const set = (name: keyof TSetupInput) => (value: string) => setInput((prev) => ({ ...prev, [name]: value }));
  const setup = useMutation({
    mutationFn: () => ok(api.POST('/api/setup', { body: {
      ...input,
      token: token ?? '', // the form is only shown with a token
      // People write organisation numbers in groups of three (974 760 673).
      organisationNumber: input.organisationNumber.replace(/\s/g, ''),
      hostMunicipalityNumber: input.hostMunicipalityNumber.trim() || null,
    } })),
    onSuccess: ({ user }) => {
      client.clear();
      client.setQueryData(sessionKey, user);
      onDone();
    },
  });

  const labels: Record<keyof TSetupInput, string> = {
    adminName: t('setup.adminName'), adminEmail: t('setup.adminEmail'), adminPassword: t('setup.adminPassword'),
    cooperationName: t('setup.cooperationName'), shortName: t('setup.shortName'), organisationNumber: t('setup.organisationNumber'),
    hostMunicipalityName: t('setup.hostMunicipalityName'), hostMunicipalityNumber: t('setup.hostMunicipalityNumber'), founded: t('setup.founded'),
  };
  const field = (name: keyof TSetupInput, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField form={FORM} name={name} label={labels[name]} value={input[name]} onChange={set(name)} error={setup.error} required {...extra} />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setup.mutate();
  }

  return (
    <div className="narrow stack">
      <PageHeading>{t('setup.heading')}</PageHeading>
      {token ? <Paragraph>{t('setup.intro')}</Paragraph> : (
        <Alert data-color="warning"><Paragraph>{t('setup.noToken')}</Paragraph></Alert>
      )}
      {token ? (
        <form onSubmit={submit} className="stack" noValidate>
          <FormErrors form={FORM} error={setup.error} labels={labels} />
          <Fieldset>
            <Fieldset.Legend>{t('setup.adminLegend')}</Fieldset.Legend>
            <div className="stack">
              {field('adminName', { autoComplete: 'name' })}
              {field('adminEmail', { type: 'email', autoComplete: 'email' })}
              {field('adminPassword', { type: 'password', autoComplete: 'new-password', description: t('setup.adminPasswordHint') })}
            </div>
          </Fieldset>
          <Fieldset>
            <Fieldset.Legend>{t('setup.cooperationLegend')}</Fieldset.Legend>
            <div className="stack">
              {field('cooperationName', { autoComplete: 'organization' })}
              {field('shortName', { description: t('setup.shortNameHint') })}
              {field('organisationNumber', { description: t('setup.organisationNumberHint') })}
              {field('hostMunicipalityName')}
              {field('hostMunicipalityNumber', { required: false, description: t('setup.hostMunicipalityNumberHint') })}
              {field('founded', { type: 'date' })}
            </div>
          </Fieldset>
          <div>
            <Button type="submit" disabled={setup.isPending}>{t('setup.submit')}</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

// The service desk's rules (GET/PUT /api/servicedesk/policy), edited as one document by the admin: for
// the cooperation, or for one municipality, which otherwise follows the cooperation's. The form lives
// in DeskRulesForm; this part loads the document, saves it at the revision it was read at, takes a
// municipality back to the cooperation's rules (deleting its own document), and keeps
// what must outlive the form (the saved notice, a stale refusal), since the form is opened anew on
// every revision it is shown.
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, ok } from '../../api/client';
import { FormErrors, isStale, SelectField } from '../forms/fields';
import { LoadError, Loading } from '../shell/states';
import { useInstallCooperation } from '../shell/cooperation';
import { useMunicipalities } from './api';
import { DeskRulesForm } from './DeskRulesForm';
import type { TPolicyDocument } from './desk-rules-draft';
import { useAdminT } from './messages';

const rulesKey = (cooperationId: string | undefined, municipalityId: string) =>
  ['servicedesk', 'rules', cooperationId ?? null, municipalityId || null] as const;

export function DeskRulesAdmin() {
  const t = useAdminT();
  const cooperation = useInstallCooperation();
  const municipalities = useMunicipalities();
  const client = useQueryClient();
  // '' is the cooperation's own rules; otherwise a municipality's id.
  const [scope, setScope] = useState('');
  const [saved, setSaved] = useState(false);
  /** The revision the form was reopened on after a stale refusal; null when there was none. */
  const [staleReloadedAt, setStaleReloadedAt] = useState<number | null>(null);
  const [opened, setOpened] = useState(0);
  const cooperationId = cooperation.data?.id;
  const key = rulesKey(cooperationId, scope);
  const rules = useQuery({
    queryKey: key,
    enabled: Boolean(cooperationId),
    // Read when the page or the scope opens, not when the window regains focus: a new revision remounts
    // the form, which would drop what the admin has typed. Someone else's save is met at our save (409).
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    queryFn: () => ok(api.GET('/api/servicedesk/policy', {
      params: { query: { cooperationId: cooperationId!, municipalityId: scope || undefined } },
    })),
  });
  // On the mutation, not on `mutate`: the form remounts on the saved revision before a `mutate`
  // callback would run, and TanStack Query drops the callbacks of an unmounted observer.
  const save = useMutation({
    mutationFn: (input: { document: TPolicyDocument; revision: number }) => ok(api.PUT('/api/servicedesk/policy', {
      body: { cooperationId: cooperationId!, municipalityId: scope || undefined, ...input },
    })),
    onSuccess: async (result) => {
      client.setQueryData(key, result);
      // A municipality without rules of its own shows the cooperation's at revision 0, which would not
      // remount its form: the other scopes are read afresh when opened.
      client.removeQueries({ queryKey: ['servicedesk', 'rules'], predicate: (q) => q.queryKey[3] !== key[3] });
      setSaved(true);
      // The portal's categories, the work list's rules and the KPI targets read the same document.
      await client.invalidateQueries({ queryKey: ['servicedesk'], predicate: (q) => q.queryKey[1] !== 'rules' });
    },
    onError: async (error) => {
      if (!isStale(error)) return;
      // A whole document cannot be merged field by field, and a save on the old revision can never
      // succeed: the form is reopened on what is stored now, and the notice says the edits were not saved.
      const fresh = await client.fetchQuery({ queryKey: key, queryFn: () => ok(api.GET('/api/servicedesk/policy', {
        params: { query: { cooperationId: cooperationId!, municipalityId: scope || undefined } },
      })) });
      setStaleReloadedAt(fresh.revision);
      setOpened((n) => n + 1);
    },
  });

  // Taking a municipality back to the cooperation's rules deletes its own document. On the mutation,
  // as for the save: the form remounts on the document read afterwards.
  const [followed, setFollowed] = useState(false);
  const follow = useMutation({
    mutationFn: (revision: number) => ok(api.DELETE('/api/servicedesk/policy', {
      params: { query: { cooperationId: cooperationId!, municipalityId: scope, revision } },
    })),
    onSuccess: async () => {
      setFollowed(true);
      setSaved(false);
      setStaleReloadedAt(null);
      await client.invalidateQueries({ queryKey: ['servicedesk'] });
    },
    // Someone else changed or deleted them meanwhile (409, 404): what is stored now is read again, and
    // the refusal stays on the page to say why nothing happened.
    onError: () => client.invalidateQueries({ queryKey: key }),
  });

  function chooseScope(next: string) {
    setScope(next);
    setSaved(false);
    setStaleReloadedAt(null);
    setFollowed(false);
    save.reset();
    follow.reset();
  }

  if (cooperation.isPending) return <Loading />;
  if (cooperation.error) return <LoadError error={cooperation.error} />;
  if (!cooperation.data) return <Paragraph>{t('admin.noCooperation')}</Paragraph>;
  const municipalityName = municipalities.data?.find((m) => m.id === scope)?.name ?? '';
  const data = rules.data;
  return (
    <section className="stack" aria-labelledby="desk-rules-heading">
      <Heading level={2} data-size="md" id="desk-rules-heading">{t('rules.heading')}</Heading>
      <Paragraph>{t('rules.intro')}</Paragraph>
      <div className="desk-rules-scope">
        <SelectField form="desk-rules-scope" name="municipalityId" label={t('rules.scope')} value={scope} onChange={chooseScope}
          description={t('rules.scopeHint')} placeholder={t('rules.scopeCooperation')}
          options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
      </div>
      {rules.isPending ? <Loading /> : null}
      {rules.error ? <LoadError error={rules.error} /> : null}
      {data ? (
        <>
          <div className="actions">
            <Paragraph data-size="sm">
              {scope
                ? t(data.isDefault ? 'rules.inherits' : 'rules.own', { municipality: municipalityName })
                : data.isDefault ? t('rules.neutral') : null}
            </Paragraph>
            {data.revision > 0 ? <Tag data-size="sm">{t('rules.revision', { revision: data.revision })}</Tag> : null}
          </div>
          {followed && data.isDefault ? <FollowedNotice text={t('rules.followed', { municipality: municipalityName })} /> : null}
          {scope && !data.isDefault ? (
            <FollowCooperation key={`${scope}:${data.revision}`} municipality={municipalityName} pending={follow.isPending} error={follow.error}
              onConfirm={() => {
                setFollowed(false);
                follow.mutate(data.revision);
              }} />
          ) : null}
          <DeskRulesForm key={`${scope}:${data.revision}:${opened}`} rules={data.document}
            error={isStale(save.error) ? null : save.error} pending={save.isPending}
            notice={<SaveNotice saved={saved} staleReloadedAt={staleReloadedAt} />}
            onSave={(document) => {
              setSaved(false);
              setStaleReloadedAt(null);
              save.mutate({ document, revision: data.revision });
            }} />
        </>
      ) : null}
    </section>
  );
}

/**
 * «Følg samarbeidets regler igjen» for a municipality with rules of its own: one press opens the
 * question what it means, the second deletes them. Focus follows, so a keyboard user is never left on a
 * button that is gone.
 */
function FollowCooperation({ municipality, pending, error, onConfirm }: {
  municipality: string; pending: boolean; error: unknown; onConfirm: () => void;
}) {
  const t = useAdminT();
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const [focusOpen, setFocusOpen] = useState(false);
  useEffect(() => { if (asking) questionRef.current?.focus(); }, [asking]);
  useEffect(() => {
    if (!focusOpen) return;
    openRef.current?.focus();
    setFocusOpen(false);
  }, [focusOpen]);
  return (
    <div className="desk-rules-follow">
      {asking ? (
        <>
          <Paragraph ref={questionRef} tabIndex={-1}>{t('rules.followConfirm', { municipality })}</Paragraph>
          <div className="actions">
            <Button type="button" data-color="danger" data-size="sm" loading={pending} onClick={onConfirm}>
              {t('rules.followYes', { municipality })}
            </Button>
            <Button type="button" variant="secondary" data-size="sm" onClick={() => { setAsking(false); setFocusOpen(true); }}>
              {t('rules.followCancel')}
            </Button>
          </div>
        </>
      ) : (
        <Button type="button" variant="secondary" data-size="sm" ref={openRef} onClick={() => setAsking(true)}>{t('rules.follow')}</Button>
      )}
      <FormErrors form="desk-rules-follow" error={error} />
    </div>
  );
}

/** Said where the pressed button was, and focused: the button is gone with the rules it deleted. */
function FollowedNotice({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => { ref.current?.focus(); }, []);
  return <Paragraph role="status" ref={ref} tabIndex={-1}>{text}</Paragraph>;
}

/** «Reglene er lagret», or why the form shows something other than what was typed (a stale refusal). */
function SaveNotice({ saved, staleReloadedAt }: { saved: boolean; staleReloadedAt: number | null }) {
  const t = useAdminT();
  const ref = useRef<HTMLDivElement>(null);
  // The form under it was just replaced: the message is where keyboard and screen-reader users land.
  useEffect(() => { if (staleReloadedAt !== null) ref.current?.focus(); }, [staleReloadedAt]);
  if (staleReloadedAt !== null) {
    return (
      <Alert data-color="warning" role="alert" ref={ref} tabIndex={-1}>
        <Paragraph>{t('rules.staleReloaded', { revision: staleReloadedAt })}</Paragraph>
      </Alert>
    );
  }
  return saved ? <Paragraph role="status">{t('rules.saved')}</Paragraph> : null;
}

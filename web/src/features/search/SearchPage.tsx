// /sok: search across cases and decisions with filters by body, year, type and municipality. The
// filters live in the address, so a search can be bookmarked and shared.
import { Button } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { useSearchT } from './messages';
import { canReadInternal, useSession } from '../auth/session';
import { SelectField, TextField } from '../forms/fields';
import { useBodies } from '../meetings/api';
import { useSearch, type TSearchFilters } from '../public/api';
import { SearchHits } from '../public/SearchHits';
import { LoadError, Loading } from '../shell/states';
import { PageHeading } from '../shell/PageHeading';

export function SearchPage({ filters, onSearch }: { filters: TSearchFilters; onSearch: (filters: TSearchFilters) => void }) {
  const t = useSearchT();
  const { user } = useSession();
  const bodies = useBodies();
  const municipalities = useQuery({
    queryKey: ['municipalities'],
    queryFn: async () => (await ok(api.GET('/api/municipalities'))).municipalities,
  });
  const [draft, setDraft] = useState<TSearchFilters>(filters);
  const results = useSearch('internal', filters);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2015 + 2 }, (_, i) => thisYear + 1 - i);
  const set = (key: keyof TSearchFilters) => (value: string) =>
    setDraft((d) => ({ ...d, [key]: key === 'year' ? (value ? Number(value) : undefined) : value || undefined }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch({ ...draft, q: draft.q?.trim() || undefined });
  }

  const searched = Boolean(filters.q || filters.body || filters.year || filters.type || filters.municipality);
  return (
    <div className="stack">
      <PageHeading>{t('search.heading')}</PageHeading>
      <form role="search" onSubmit={submit} className="stack">
        <TextField form="search" name="q" type="search" label={t('search.query')} value={draft.q ?? ''} onChange={set('q')} />
        <div className="grid-form">
          <SelectField form="search" name="body" label={t('meeting.body')} value={draft.body ?? ''} onChange={set('body')}
            placeholder={t('meetings.allBodies')} options={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          <SelectField form="search" name="year" label={t('meetings.year')} value={draft.year ? String(draft.year) : ''} onChange={set('year')}
            placeholder={t('meetings.allYears')} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
          <SelectField form="search" name="type" label={t('case.caseType')} value={draft.type ?? ''} onChange={set('type')}
            placeholder={t('search.allTypes')}
            options={(['vedtak', 'orientering', 'diskusjon'] as const).map((v) => ({ value: v, label: t(`caseType.${v}`) }))} />
          <SelectField form="search" name="municipality" label={t('search.municipality')} value={draft.municipality ?? ''}
            onChange={set('municipality')} placeholder={t('search.allMunicipalities')}
            options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
        </div>
        <div><Button type="submit">{t('search.submit')}</Button></div>
      </form>
      {searched ? (results.isPending ? <Loading /> : results.error ? <LoadError error={results.error} /> : (
        <SearchHits hits={results.data} linkTo={canReadInternal(user) ? 'internal' : 'public'} />
      )) : null}
    </div>
  );
}

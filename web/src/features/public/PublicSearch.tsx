// Public search across published cases and decisions; exempt cases are found only by number and public title.
import { Button, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { TextField } from '../forms/fields';
import { LoadError, Loading } from '../shell/states';
import { usePublicSearch } from './api';

export function PublicSearch() {
  const t = useT();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const results = usePublicSearch(q);

  function submit(event: FormEvent) {
    event.preventDefault();
    setQ(text.trim());
  }

  return (
    <section aria-labelledby="public-search-heading" className="stack">
      <Heading level={2} data-size="md" id="public-search-heading">{t('public.searchHeading')}</Heading>
      <form role="search" onSubmit={submit} className="row">
        <TextField form="public-search" name="q" type="search" label={t('search.query')} value={text} onChange={setText} />
        <div className="row__end"><Button type="submit">{t('search.submit')}</Button></div>
      </form>
      {q ? (
        results.isPending ? <Loading /> : results.error ? <LoadError error={results.error} /> : (
          <div aria-live="polite" className="stack">
            <Paragraph>{t('search.hits', { count: results.data.length })}</Paragraph>
            <ul className="hits">
              {results.data.map((hit) => (
                <li key={hit.caseId ?? hit.id ?? hit.number}>
                  {hit.meetingId ? (
                    <DsLink asChild><Link to="/offentlig/moter/$id" params={{ id: hit.meetingId }}>{hit.number} {hit.title}</Link></DsLink>
                  ) : <span>{hit.number} {hit.title}</span>}
                  <div className="hit__meta">
                    {[hit.bodyName, formatDate(hit.meetingDate)].filter(Boolean).join(' · ')}
                    {hit.access === 'unntatt' && hit.legalBasis ? ` · ${hit.legalBasis}` : ''}
                  </div>
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </section>
  );
}

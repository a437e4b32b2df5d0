// Public search across published cases and decisions; exempt cases are found only by number and public title.
import { Button, Heading } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useSearchT } from '../search/messages';
import { TextField } from '../forms/fields';
import { LoadError, Loading } from '../shell/states';
import { useSearch } from './api';
import { SearchHits } from './SearchHits';

export function PublicSearch() {
  const t = useSearchT();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const results = useSearch('public', { q });

  function submit(event: FormEvent) {
    event.preventDefault();
    setQ(text.trim());
  }

  return (
    <section aria-labelledby="public-search-heading" className="stack">
      <Heading level={2} data-size="md" id="public-search-heading">{t('search.heading')}</Heading>
      <form role="search" onSubmit={submit} className="row">
        <TextField form="public-search" name="q" type="search" label={t('search.query')} value={text} onChange={setText} />
        <div className="row__end"><Button type="submit">{t('search.submit')}</Button></div>
      </form>
      {q ? (results.isPending ? <Loading /> : results.error ? <LoadError error={results.error} /> : <SearchHits hits={results.data} linkTo="public" />) : null}
    </section>
  );
}

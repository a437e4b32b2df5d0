// A list of search hits, each titled by what it is: the case number and title (an exempt case's public
// title), then the meeting (body, number) and its date. An exempt hit says why it is exempt, with the
// legal basis, instead of an excerpt. The server marks matches in the snippet with « and »; they become <mark>.
import { Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useContentLang } from '../../i18n';
import { Link } from '@tanstack/react-router';
import { Fragment } from 'react';
import { useSearchT } from '../search/messages';
import { formatDate } from '../../i18n/format';
import type { TSearchHit } from './api';

function Snippet({ text }: { text: string }) {
  const parts = text.split(/(«[^»]*»)/g);
  const lang = useContentLang();
  return (
    <Paragraph data-size="sm" lang={lang}>
      {parts.map((part, i) => part.startsWith('«') && part.endsWith('»')
        ? <mark key={i}>{part.slice(1, -1)}</mark>
        : <Fragment key={i}>{part}</Fragment>)}
    </Paragraph>
  );
}

export function SearchHits({ hits, linkTo }: { hits: TSearchHit[]; linkTo: 'public' | 'internal' }) {
  const t = useSearchT();
  const lang = useContentLang();
  return (
    <div aria-live="polite" className="stack">
      <Paragraph>{t('search.hits', { count: hits.length })}</Paragraph>
      <ul className="hits">
        {hits.map((hit, i) => {
          const label = `${hit.number} ${hit.title}`;
          return (
            <li key={hit.caseId ?? `${hit.number}-${i}`}>
              {hit.meeting ? (
                <DsLink asChild>
                  {linkTo === 'public'
                    ? <Link to="/offentlig/moter/$id" params={{ id: hit.meeting.id }} lang={lang}>{label}</Link>
                    : <Link to="/moter/$id" params={{ id: hit.meeting.id }} lang={lang}>{label}</Link>}
                </DsLink>
              ) : <strong lang={lang}>{label}</strong>}
              <div className="hit__meta">
                {hit.meeting ? <><span lang={lang}>{hit.meeting.bodyName}</span> {hit.meeting.year} {hit.meeting.numberLabel} · {formatDate(hit.meeting.date)}</> : t('search.noMeeting')}
                {hit.caseType ? ` · ${t(`caseType.${hit.caseType}`)}` : ''}
                {hit.access === 'unntatt' ? <> {' '}<Tag data-size="sm" data-color="warning">{t('case.exempt')}</Tag></> : null}
              </div>
              {hit.legalBasis ? <Paragraph data-size="sm" lang={lang}>{hit.legalBasis}</Paragraph> : null}
              {hit.snippet ? <Snippet text={hit.snippet} /> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

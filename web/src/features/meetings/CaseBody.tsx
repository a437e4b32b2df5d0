// The readable content of one case, as the papers print it: presenters, description, proposal,
// decision (Vedtak/Enighet), treatment and attachments. A redacted case (the public's view of an
// exempt one) has nothing but number, public title and legal basis, and that is all it can show.
import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useContentLang } from '../../i18n';
import { useMeetingsT } from './messages';
import { formatBytes } from '../../i18n/format';
import { caseTypeLabel } from './format';
import { isRedacted, type TAnyCase, type TAttachmentMeta } from './types';

export function attachmentUrl(a: Pick<TAttachmentMeta, 'id'>): string {
  return `/api/attachments/${a.id}`;
}

export function AccessTag({ access }: { access: 'offentlig' | 'unntatt' }) {
  const t = useMeetingsT();
  return access === 'unntatt'
    ? <Tag data-color="warning" data-size="sm">{t('case.exempt')}</Tag>
    : <Tag data-color="neutral" data-size="sm">{t('case.public')}</Tag>;
}

/** Text people wrote, paragraph by paragraph, marked as bokmål on an English page. */
export function Multiline({ text }: { text: string }) {
  const lang = useContentLang();
  return (
    <>
      {text.split(/\n{2,}/).map((part, i) => <Paragraph key={i} className="prewrap" lang={lang}>{part}</Paragraph>)}
    </>
  );
}

export function caseKey(c: TAnyCase): string {
  return isRedacted(c) ? `redacted-${c.number}` : c.id;
}

export function CaseBody({ c, headingLevel = 3 }: { c: TAnyCase; headingLevel?: 2 | 3 | 4 }) {
  const t = useMeetingsT();
  const sub = (headingLevel + 1) as 3 | 4 | 5;
  const lang = useContentLang();
  const headingId = `case-${caseKey(c).replace(/[^a-zA-Z0-9-]/g, '-')}-heading`;
  if (isRedacted(c)) {
    return (
      <article className="case" aria-labelledby={headingId}>
        <Heading level={headingLevel} data-size="xs" id={headingId} lang={lang}>
          <span className="case__number">{c.number}</span> {c.publicTitle}
        </Heading>
        <div className="case__tags"><AccessTag access="unntatt" /></div>
        <Paragraph data-size="sm" className="case__legal" lang={lang}>{c.legalBasis}</Paragraph>
      </article>
    );
  }
  return (
    <article className="case" aria-labelledby={headingId}>
      <Heading level={headingLevel} data-size="xs" id={headingId} lang={lang}>
        <span className="case__number">{c.number}</span> {c.title}
      </Heading>
      <div className="case__tags">
        <Tag data-size="sm" data-color="info">{caseTypeLabel(t, c.caseType)}</Tag>
        <AccessTag access={c.access} />
      </div>
      {c.access === 'unntatt' ? (
        <>
          <Paragraph data-size="sm" className="case__legal" lang={lang}>{c.legalBasis}</Paragraph>
          {c.publicTitle ? <Paragraph data-size="sm">{t('case.publicTitle')}: <span lang={lang}>{c.publicTitle}</span></Paragraph> : null}
        </>
      ) : null}
      {c.presenters.length > 0 ? <Paragraph data-size="sm"><strong>{t('case.presenters')}:</strong> {c.presenters.join('; ')}</Paragraph> : null}
      {c.description ? <Multiline text={c.description} /> : null}
      {c.proposal ? (
        <div className="case__block">
          <Heading level={sub} data-size="2xs">{c.proposalKind === 'enighet' ? t('case.proposalEnighet') : t('case.proposalVedtak')}</Heading>
          <Multiline text={c.proposal} />
        </div>
      ) : null}
      {c.decisionText ? (
        <div className="case__block case__decision">
          <Heading level={sub} data-size="2xs">{c.decisionKind === 'enighet' ? t('case.enighet') : t('case.vedtak')}</Heading>
          <Multiline text={c.decisionText} />
        </div>
      ) : null}
      {c.votes ? (
        <Paragraph data-size="sm">
          {t('votes.summary', { for: c.votes.for, against: c.votes.against, blank: c.votes.blank })}
        </Paragraph>
      ) : null}
      {c.treatment ? (
        <div className="case__block">
          <Heading level={sub} data-size="2xs">{t('case.treatment')}</Heading>
          <Multiline text={c.treatment} />
        </div>
      ) : null}
      {c.attachments.length > 0 ? (
        <div className="case__block">
          <Heading level={sub} data-size="2xs">{t('case.attachments')}</Heading>
          <ul>
            {c.attachments.map((a) => (
              <li key={a.id}><Link href={attachmentUrl(a)}>{a.filename}</Link> ({formatBytes(a.size)})</li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}

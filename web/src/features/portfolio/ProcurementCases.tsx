// A procurement's cases in the bodies (the council's decision to procure, an orientation), each linked to
// its meeting; staff tie a case to it by choosing the body, then the meeting, then the case, and untie one.
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { TApiSchema } from '../../api/client';
import { useContentLang } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { SelectField } from '../forms/fields';
import { PanelForm } from '../forms/PanelForm';
import { useBodies, useMeeting, useMeetings } from '../meetings/api';
import { isRedacted } from '../meetings/types';
import { useInstallCooperation } from '../shell/cooperation';
import { DataTable } from '../tables/DataTable';
import { useLinkProcurementCase, useUnlinkProcurementCase } from './api';
import { usePortfolioT } from './messages';

type TProcurement = TApiSchema<'Procurement'>;

export function ProcurementCases({ p, editable }: { p: TProcurement; editable: boolean }) {
  const t = usePortfolioT();
  const lang = useContentLang();
  const unlink = useUnlinkProcurementCase(p.id);
  return (
    <section className="stack" aria-labelledby="procurement-cases">
      <Heading level={2} data-size="sm" id="procurement-cases">{t('portfolio.proposal.cases')}</Heading>
      {p.cases.length ? (
        <DataTable caption={t('portfolio.procurement.casesCaption')} testId="procurement-cases"
          columns={[t('portfolio.proposal.case'), t('portfolio.proposal.body'), t('portfolio.proposal.meeting'), t('portfolio.proposal.conclusion'), editable ? t('portfolio.procurement.untie') : null]}>
          {p.cases.map((c) => (
            <Table.Row key={c.caseId}>
              <Table.Cell>{c.number} <span lang={lang}>{c.title}</span></Table.Cell>
              <Table.Cell lang={lang}>{c.bodyName}</Table.Cell>
              <Table.Cell>{c.meetingId ? <Link to="/moter/$id" params={{ id: c.meetingId }} search={{}}>{c.meetingLabel} {c.meetingDate ? formatDate(c.meetingDate) : ''}</Link> : '–'}</Table.Cell>
              <Table.Cell lang={lang}>{c.decisionText ?? '–'}</Table.Cell>
              {editable ? (
                <Table.Cell>
                  <Button type="button" variant="secondary" data-size="sm" disabled={unlink.isPending} onClick={() => unlink.mutate(c.caseId)}>
                    {t('portfolio.procurement.untie')}<span className="sr-only"> {c.number}</span>
                  </Button>
                </Table.Cell>
              ) : null}
            </Table.Row>
          ))}
        </DataTable>
      ) : <Paragraph>{t('portfolio.procurement.noCases')}</Paragraph>}
      {editable ? <LinkCaseForm p={p} /> : null}
    </section>
  );
}

/** Ties a case to the procurement: the body, then one of its meetings, then a case on its agenda. */
function LinkCaseForm({ p }: { p: TProcurement }) {
  const t = usePortfolioT();
  const cooperation = useInstallCooperation().data;
  const bodies = useBodies();
  const [bodyId, setBodyId] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [caseId, setCaseId] = useState('');
  const [saved, setSaved] = useState(false);
  const meetings = useMeetings({ bodyId: bodyId || undefined });
  const meeting = useMeeting(meetingId, { enabled: Boolean(meetingId) });
  const link = useLinkProcurementCase(p.id, () => { setSaved(true); setCaseId(''); });
  const ownBodies = (bodies.data ?? []).filter((b) => !cooperation || b.cooperationId === cooperation.id);
  const linked = new Set(p.cases.map((c) => c.caseId));
  const agenda = meetingId ? (meeting.data?.cases ?? []).flatMap((c) => (!isRedacted(c) && !linked.has(c.id) ? [{ value: c.id, label: `${c.number} ${c.title}` }] : [])) : [];
  const labels = { bodyId: t('portfolio.proposal.body'), meetingId: t('portfolio.proposal.meeting'), caseId: t('portfolio.proposal.case') };
  return (
    <PanelForm form="procurement-case" headingId="procurement-case-heading" title={t('portfolio.procurement.tie')} error={link.error} labels={labels}
      onSubmit={() => { setSaved(false); link.mutate({ caseId }); }} submitLabel={t('portfolio.procurement.saveTie')} pending={link.isPending}
      onReload={() => link.reset()}
      notice={saved ? <Paragraph role="status">{t('portfolio.procurement.tied')}</Paragraph> : null}>
      <SelectField form="procurement-case" name="bodyId" label={labels.bodyId} value={bodyId} placeholder={t('portfolio.send.chooseBody')}
        onChange={(v) => { setBodyId(v); setMeetingId(''); setCaseId(''); }} options={ownBodies.map((b) => ({ value: b.id, label: b.name }))} />
      <SelectField form="procurement-case" name="meetingId" label={labels.meetingId} value={meetingId}
        placeholder={bodyId ? t('portfolio.send.chooseMeeting') : t('portfolio.send.bodyFirst')}
        onChange={(v) => { setMeetingId(v); setCaseId(''); }}
        options={bodyId ? (meetings.data ?? []).map((m) => ({ value: m.id, label: `${m.year}/${m.numberLabel} ${formatDate(m.date)}` })) : []} />
      <SelectField form="procurement-case" name="caseId" label={labels.caseId} value={caseId} onChange={setCaseId} error={link.error}
        placeholder={meetingId ? t('portfolio.procurement.chooseCase') : t('portfolio.procurement.meetingFirst')} options={agenda} />
    </PanelForm>
  );
}

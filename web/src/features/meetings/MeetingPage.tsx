// /moter/$id: one meeting for staff (who edit) and council members (who read). One editor is open at
// a time, so each open form has exactly one "Lagre" button. Staff see the meeting as the steps of its
// cycle (MeetingSteps.tsx), one at a time, opening on the step to do next; council members read it all
// on one page.
import { Alert, Button, Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useContentLang } from '../../i18n';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { NextStep, StepNav, stepsDone, suggestedStep, type TMeetingStep } from './MeetingSteps';
import { useMeetingsT } from './messages';
import { formatDate, formatDateTime, formatTimeRange } from '../../i18n/format';
import { canWrite, useSession } from '../auth/session';
import { FormErrors } from '../forms/fields';
import { LoadError, PageLoadError, Loading } from '../shell/states';
import { AgendaTable } from './AgendaTable';
import { ApproveMinutes } from './ApproveMinutes';
import { AttachmentsPanel } from './AttachmentsPanel';
import { AttendanceForm } from './AttendanceForm';
import { meetingKeys, useDeleteCase, useDeleteMeeting, useMeeting, usePublishMeeting, useReorderCases } from './api';
import { CaseBody } from './CaseBody';
import { CaseProposalLink } from '../portfolio/CaseProposalLink';
import { CaseForm } from './CaseForm';
import { DecisionForm } from './DecisionForm';
import { EditMeetingForm } from './EditMeetingForm';
import { HistoricalAgenda } from './HistoricalMeeting';
import { meetingLabel } from './format';
import { NoticePanel } from './NoticePanel';
import { ReopenMinutes } from './ReopenMinutes';
import { StatusTag } from './StatusTag';
import { isRedacted, type TCaseView, type TMeetingView } from './types';
import { ATTENDANCE_ROLES } from '../../../../src/modules/governance/vocabulary';
import { PageHeading } from '../shell/PageHeading';
import { DataTable } from '../tables/DataTable';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { announce, focusWhenReady } from '../shell/focus';

type TEditor =
  | { kind: 'new-case' }
  | { kind: 'case'; id: string }
  | { kind: 'attachments'; id: string }
  | { kind: 'attendance' }
  | { kind: 'decision'; id: string }
  | { kind: 'meeting' }
  | null;

export function MeetingPage({ id, step }: { id: string; step?: TMeetingStep }) {
  const t = useMeetingsT();
  const navigate = useNavigate();
  const { user } = useSession();
  const view = useMeeting(id);
  const client = useQueryClient();
  const contentLang = useContentLang();
  const reorder = useReorderCases(id);
  const deleteCase = useDeleteCase(id);
  const publish = usePublishMeeting(id);
  const deleteMeeting = useDeleteMeeting(id);
  const [editor, setEditor] = useState<TEditor>(null);
  const [confirming, setConfirming] = useState<{ kind: 'meeting' } | { kind: 'case'; c: TCaseView } | null>(null);
  // The button that opened the editor: focus goes back to it when the editor closes (saved or cancelled).
  const opener = useRef<string | null>(null);
  // Without ?steg= the page opens on the step to do next as it was when the page loaded, and stays there
  // while the user works (adding a case must not move them on to Innkalling by itself).
  const firstStep = useRef<TMeetingStep | null>(null);
  if (view.data && !firstStep.current) firstStep.current = suggestedStep(view.data);

  if (view.isPending) return <Loading />;
  if (view.error) return <PageLoadError error={view.error} onRetry={() => view.refetch()} />;
  const { meeting, attendance } = view.data;
  const cases = view.data.cases.filter((c): c is TCaseView => !isRedacted(c));
  const caseIds = cases.map((c) => c.id);
  const locked = meeting.status === 'godkjent';
  const editable = canWrite(user) && !locked;
  const open = (next: TEditor, openerId: string) => {
    opener.current = openerId;
    setEditor(next);
  };
  const close = () => {
    setEditor(null);
    if (opener.current) focusWhenReady(opener.current);
  };
  const findCase = (caseId: string) => cases.find((c) => c.id === caseId);
  // A historical meeting was never called: its page is the cases as recorded, without the steps.
  const historical = meeting.historical;
  const stepped = canWrite(user) && !historical;
  const done = stepsDone(view.data);
  const suggested = suggestedStep(view.data);
  const current: TMeetingStep = step ?? firstStep.current ?? suggested;
  const shows = (s: TMeetingStep) => !stepped || current === s;

  function move(caseId: string, direction: -1 | 1) {
    const order = cases.map((c) => c.id);
    const from = order.indexOf(caseId);
    const to = from + direction;
    if (from < 0 || to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    // Made on the agenda as shown; after a 409 the page has fetched the current agenda, and the next
    // move is made on that.
    const moved = cases[from]!;
    reorder.mutate({ order, agendaRevision: meeting.agendaRevision }, {
      onSuccess: () => {
        // Until the notice is sent a case's number follows its place, so the moved case is named by its
        // title and its number after the move (read from the agenda fetched again after the save).
        const after = client.getQueryData<TMeetingView>(meetingKeys.one(id))?.cases
          .find((c): c is TCaseView => !isRedacted(c) && c.id === caseId);
        const number = after?.number ?? moved.number;
        announce(t('agenda.moved', { title: moved.title, number, position: to + 1, count: order.length }));
        // Moving the row in the table blurs its button, so focus is set once the row stands in its new
        // place: on the same arrow, or on the other one once the case is first or last.
        const edge = (direction === -1 && to === 0) || (direction === 1 && to === order.length - 1);
        const target = `case-move-${edge ? -direction : direction}-${caseId}`;
        focusWhenReady(() => {
          const el = document.getElementById(target);
          return el?.closest('tr')?.sectionRowIndex === to ? el : null;
        });
      },
    });
  }

  const editedCase = editor && 'id' in editor ? findCase(editor.id) : undefined;
  const approvingCase = cases.find((c) => c.standing === 'referat');
  const hasMinutes = meeting.status === 'avholdt' || meeting.status === 'godkjent';

  return (
    <div className="stack-lg">
      <div className="stack">
        <DsLink asChild><Link to="/moter">{t('meetings.backToList')}</Link></DsLink>
        <div className="title-row">
          <PageHeading lang={contentLang}>{meetingLabel(meeting)}</PageHeading>
          <StatusTag meeting={meeting} />
        </div>
        <dl className="facts">
          <dt>{t('meeting.date')}</dt><dd>{formatDate(meeting.date)}</dd>
          {/* A historical meeting's time is mostly not in the papers: then it has a date only. */}
          {meeting.startTime ? <><dt>{t('meeting.time')}</dt><dd>{formatTimeRange(meeting.startTime, meeting.endTime)}</dd></> : null}
          <dt>{t('meeting.place')}</dt><dd>{meeting.place}</dd>
          {historical ? <><dt>{t('historical.heading')}</dt><dd>{t('historical.tag')}</dd></> : null}
          {historical ? null : <><dt>{t('notice.heading')}</dt><dd>{meeting.noticeVersion > 0 ? t('notice.version', { version: meeting.noticeVersion }) : t('notice.notSentShort')}</dd></>}
          <dt>{t('meeting.publication')}</dt><dd>{meeting.published ? t('meeting.published') : t('meeting.notPublished')}</dd>
          {meeting.minutesApprovedAt ? (<><dt>{t('papers.minutes')}</dt><dd>{t('approve.approvedAt', { when: formatDateTime(meeting.minutesApprovedAt) })}</dd></>) : null}
        </dl>
        <nav aria-label={t('meeting.papers')} className="inline-links">
          {historical ? null : <DsLink href={`/api/meetings/${meeting.id}/notice.pdf`}>{t('papers.noticePdf')}</DsLink>}
          {historical ? null : <DsLink href={`/api/meetings/${meeting.id}/notice-bundle.pdf`}>{t('papers.noticeBundlePdf')}</DsLink>}
          {hasMinutes ? <DsLink href={`/api/meetings/${meeting.id}/minutes.pdf`}>{t('papers.minutesPdf')}</DsLink> : null}
          {meeting.published ? <DsLink asChild><Link to="/offentlig/moter/$id" params={{ id: meeting.id }}>{t('meeting.publicPage')}</Link></DsLink> : null}
        </nav>
        {locked ? <Alert data-color="info"><Paragraph>{t('meeting.lockedHint')}</Paragraph></Alert> : null}
        {canWrite(user) ? (
          <div className="actions">
            {editable ? (
              <Button type="button" variant="secondary" id="meeting-edit" aria-expanded={editor?.kind === 'meeting'} onClick={() => open({ kind: 'meeting' }, 'meeting-edit')}>
                {t('meeting.edit')}
              </Button>
            ) : null}
            <Button type="button" variant="secondary" disabled={publish.isPending} onClick={() => publish.mutate(!meeting.published)}>
              {meeting.published ? t('meeting.unpublish') : t('meeting.publish')}
            </Button>
            {meeting.noticeVersion === 0 && !locked ? (
              <Button type="button" variant="tertiary" data-color="danger" onClick={() => { deleteMeeting.reset(); setConfirming({ kind: 'meeting' }); }}>
                {t('meeting.delete')}
              </Button>
            ) : null}
          </div>
        ) : null}
        <FormErrors form="meeting-actions" error={publish.error} />
        {confirming?.kind === 'meeting' ? (
          <ConfirmDialog title={t('meeting.deleteConfirm')} confirmLabel={t('meeting.delete')} pending={deleteMeeting.isPending}
            error={<FormErrors form="meeting-delete" error={deleteMeeting.error} />}
            onCancel={() => setConfirming(null)}
            onConfirm={() => deleteMeeting.mutate(undefined, {
              onSuccess: () => {
                setConfirming(null);
                announce(t('meeting.deleted'));
                navigate({ to: '/moter' });
              },
            })}>
            <Paragraph>{t('meeting.deleteText')}</Paragraph>
          </ConfirmDialog>
        ) : null}
        {editor?.kind === 'meeting' ? <EditMeetingForm meeting={meeting} onDone={close} /> : null}
      </div>

      {historical ? <HistoricalAgenda meetingId={meeting.id} cases={cases} editable={editable} /> : null}

      {historical ? null : <>
      {stepped ? <StepNav meetingId={meeting.id} current={current} done={done} suggested={suggested} /> : null}

      {shows('saksliste') ? (
      <section className="stack" aria-labelledby="agenda-heading">
        <div className="section-head">
          <Heading level={2} data-size="md" id="agenda-heading" tabIndex={-1}>{t('meeting.agenda')}</Heading>
          {editable ? (
            <Button type="button" id="agenda-add-case" onClick={() => open({ kind: 'new-case' }, 'agenda-add-case')} aria-expanded={editor?.kind === 'new-case'}>
              {t('agenda.addCase')}
            </Button>
          ) : null}
        </div>
        <FormErrors form="agenda" error={reorder.error} />
        {cases.length === 0 ? <Paragraph>{t('meeting.noCases')}</Paragraph> : (
          <AgendaTable meetingId={meeting.id} cases={cases} editable={editable} busy={reorder.isPending}
            onMove={move}
            onEdit={(c) => open({ kind: 'case', id: c.id }, `case-edit-${c.id}`)}
            onAttachments={(c) => open({ kind: 'attachments', id: c.id }, `case-attachments-${c.id}`)}
            onDelete={(c) => { deleteCase.reset(); setConfirming({ kind: 'case', c }); }} />
        )}
        {confirming?.kind === 'case' ? (
          <ConfirmDialog title={t('case.deleteConfirm', { number: confirming.c.number })} confirmLabel={t('common.delete')}
            confirmName={`${t('common.delete')} ${confirming.c.number}`} pending={deleteCase.isPending}
            error={<FormErrors form="case-delete" error={deleteCase.error} />}
            onCancel={() => setConfirming(null)}
            onConfirm={() => deleteCase.mutate(confirming.c.id, {
              onSuccess: () => {
                announce(t('case.deleted', { number: confirming.c.number }));
                setConfirming(null);
                focusWhenReady('agenda-heading');
              },
            })}>
            <Paragraph>{t('case.deleteText', { title: confirming.c.title })}</Paragraph>
          </ConfirmDialog>
        ) : null}
        {editor?.kind === 'new-case' ? <CaseForm key="new" meetingId={meeting.id} onDone={close} /> : null}
        {editor?.kind === 'case' && editedCase ? <CaseForm key={editedCase.id} meetingId={meeting.id} existing={editedCase} onDone={close} /> : null}
        {editor?.kind === 'attachments' && editedCase ? <AttachmentsPanel meetingId={meeting.id} c={editedCase} onClose={close} /> : null}
      </section>
      ) : null}

      {shows('innkalling') ? <NoticePanel meeting={meeting} editable={canWrite(user)} /> : null}

      {shows('mote') ? (
      <section className="stack" aria-labelledby="attendance-heading">
        <div className="section-head">
          <Heading level={2} data-size="md" id="attendance-heading">{t('attendance.heading')}</Heading>
          {editable ? (
            <Button type="button" variant="secondary" id="attendance-record" onClick={() => open({ kind: 'attendance' }, 'attendance-record')} aria-expanded={editor?.kind === 'attendance'}>
              {t('attendance.record')}
            </Button>
          ) : null}
        </div>
        {editor?.kind === 'attendance' ? <AttendanceForm view={view.data} onDone={close} /> : attendance.length === 0 ? (
          <Paragraph>{t('attendance.none')}</Paragraph>
        ) : (
          <DataTable caption={t('attendance.list')} className="attendance-table"
            columns={[t('attendance.name'), t('attendance.municipality'), t('attendance.role'), t('attendance.note')]}>
            {ATTENDANCE_ROLES.flatMap((role) => attendance.filter((a) => a.role === role)).map((a, i) => (
              <Table.Row key={`${a.name}-${a.role}-${i}`}>
                <Table.HeaderCell scope="row">{a.name}</Table.HeaderCell>
                <Table.Cell>{a.municipality ?? ''}</Table.Cell>
                <Table.Cell>{t(`attendance.${a.role}`)}</Table.Cell>
                <Table.Cell>{a.note ?? ''}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </section>
      ) : null}

      {shows('protokoll') ? (
      <section className="stack" aria-labelledby="minutes-heading">
        <Heading level={2} data-size="md" id="minutes-heading">{t('minutes.heading')}</Heading>
        {cases.map((c) => (
          <div key={c.id} className="stack">
            <CaseBody c={c} headingLevel={3} />
            <CaseProposalLink meetingId={meeting.id} caseId={c.id} caseIds={caseIds} />
            <div className="actions">
              {c.presentation ? <DsLink href={`/api/cases/${c.id}/presentation.pdf`}>{t('papers.presentationPdf')}<span className="sr-only"> {c.number}</span></DsLink> : null}
              {editable && editor?.kind !== 'decision' ? (
                <Button type="button" variant="secondary" data-size="sm" id={`decision-record-${c.id}`} onClick={() => open({ kind: 'decision', id: c.id }, `decision-record-${c.id}`)}>
                  {t('decision.record')}<span className="sr-only"> {c.number}</span>
                </Button>
              ) : null}
            </div>
            {editor?.kind === 'decision' && editor.id === c.id ? <DecisionForm meeting={meeting} attendance={attendance} c={c} onDone={close} /> : null}
          </div>
        ))}
      </section>
      ) : null}

      {stepped && shows('godkjenning') ? (
        <>
          <section className="stack" aria-labelledby="own-minutes-heading">
            <Heading level={2} data-size="md" id="own-minutes-heading">{t('steps.ownMinutes')}</Heading>
            <Paragraph>
              {meeting.minutesApprovedAt ? t('steps.ownApproved', { when: formatDateTime(meeting.minutesApprovedAt) })
                : hasMinutes ? t('steps.ownPending', { body: meeting.bodyName }) : t('steps.ownNotHeld')}
            </Paragraph>
          </section>
          {approvingCase ? <ApproveMinutes meeting={meeting} approvingCase={approvingCase} /> : null}
          <ReopenMinutes meeting={meeting} />
        </>
      ) : null}

      {stepped ? <NextStep meetingId={meeting.id} current={current} suggested={suggested} /> : null}
      </>}
    </div>
  );
}

// The agenda as a table: number, title, presenters, type, access. Staff reorder with "Flytt opp" /
// "Flytt ned" buttons (keyboard reachable, the case number in each button's name) and open a case's
// editor or its attachments; the table itself is the same for council members, without the buttons.
import { Button, Table } from '@digdir/designsystemet-react';
import { useContentLang } from '../../i18n';
import { useMeetingsT } from './messages';
import { AccessTag } from './CaseBody';
import { caseTypeLabel } from './format';
import { isRedacted, type TAnyCase, type TCaseView } from './types';
import { DataTable } from '../tables/DataTable';
import { CaseProposalLink } from '../portfolio/CaseProposalLink';

export function AgendaTable({ meetingId, cases, editable, busy, onMove, onEdit, onAttachments, onDelete }: {
  meetingId: string;
  cases: TAnyCase[];
  editable: boolean;
  busy: boolean;
  onMove: (caseId: string, direction: -1 | 1) => void;
  onEdit: (c: TCaseView) => void;
  onAttachments: (c: TCaseView) => void;
  onDelete: (c: TCaseView) => void;
}) {
  const t = useMeetingsT();
  const full = cases.filter((c): c is TCaseView => !isRedacted(c));
  const lang = useContentLang();
  const caseIds = full.map((c) => c.id);
  return (
    <DataTable caption={t('meeting.agenda')} className="agenda-table" columns={[
      t('case.number'), t('case.title'), t('case.presenters'), t('case.caseType'), t('case.access'), t('case.attachments'), editable ? t('common.actions') : null,
    ]}>
      {full.map((c, index) => (
        <Table.Row key={c.id}>
          <Table.Cell className="num">{c.number}</Table.Cell>
          <Table.Cell lang={lang}>
            {c.title}
            {c.access === 'unntatt' && c.publicTitle ? <div className="hit__meta">{t('case.publicTitle')}: {c.publicTitle}</div> : null}
            <CaseProposalLink meetingId={meetingId} caseId={c.id} caseIds={caseIds} />
          </Table.Cell>
          <Table.Cell>{c.presenters.join('; ')}</Table.Cell>
          <Table.Cell>{caseTypeLabel(t, c.caseType)}</Table.Cell>
          <Table.Cell>
            <AccessTag access={c.access} />
            {c.legalBasis ? <div className="hit__meta">{c.legalBasis}</div> : null}
          </Table.Cell>
          <Table.Cell>{c.attachments.length}</Table.Cell>
          {editable ? (
            <Table.Cell>
              <div className="actions actions--nowrap">
                {/* Arrows for the eye, the full name ("Flytt opp 2023/M6-003") for screen readers and tests. */}
                {/* aria-disabled, not disabled: focus stays on the arrow while the move is saved. */}
                <Button type="button" variant="tertiary" data-size="sm" icon title={t('agenda.moveUp')} id={`case-move--1-${c.id}`}
                  aria-disabled={busy || index === 0 || undefined} onClick={() => { if (!busy && index > 0) onMove(c.id, -1); }}>
                  <span aria-hidden="true">↑</span><span className="sr-only">{t('agenda.moveUp')} {c.number}</span>
                </Button>
                <Button type="button" variant="tertiary" data-size="sm" icon title={t('agenda.moveDown')} id={`case-move-1-${c.id}`}
                  aria-disabled={busy || index === full.length - 1 || undefined} onClick={() => { if (!busy && index < full.length - 1) onMove(c.id, 1); }}>
                  <span aria-hidden="true">↓</span><span className="sr-only">{t('agenda.moveDown')} {c.number}</span>
                </Button>
                <Button type="button" variant="secondary" data-size="sm" id={`case-edit-${c.id}`} onClick={() => onEdit(c)}>
                  {t('common.edit')}<span className="sr-only"> {c.number}</span>
                </Button>
                <Button type="button" variant="secondary" data-size="sm" id={`case-attachments-${c.id}`} onClick={() => onAttachments(c)}>
                  {t('case.attachments')}<span className="sr-only"> {c.number}</span>
                </Button>
                {c.standing || c.numberLocked ? null : (
                  <Button type="button" variant="tertiary" data-color="danger" data-size="sm" id={`case-delete-${c.id}`} onClick={() => onDelete(c)}>
                    {t('common.delete')}<span className="sr-only"> {c.number}</span>
                  </Button>
                )}
              </div>
            </Table.Cell>
          ) : null}
        </Table.Row>
      ))}
    </DataTable>
  );
}

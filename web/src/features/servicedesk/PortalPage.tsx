// /kundeservice: the portal for municipality users (report a case, follow their own) and, for staff,
// the way in to the work list and the key figures.
import { Alert, Button, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDate } from '../../i18n/format';
import { canWrite, useSession } from '../auth/session';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { useTickets } from './api';
import { typeKey, useSdT } from './messages';
import { NewTicketForm, type TRefusedFile } from './NewTicketForm';
import type { TTicket } from './types';
import { StatusTag } from './parts';
import './servicedesk.css';
import { DataTable } from '../tables/DataTable';

export function PortalPage() {
  const t = useSdT();
  const { user } = useSession();
  const navigate = useNavigate();
  const [created, setCreated] = useState<{ ticket: TTicket; refused: TRefusedFile[] } | null>(null);
  const desk = canWrite(user);

  return (
    <div className="stack-lg">
      <div className="stack">
        <PageHeading>{t('portal.heading')}</PageHeading>
        <Paragraph>{desk ? t('portal.deskIntro') : user?.role === 'council' ? t('portal.councilIntro') : t('portal.intro')}</Paragraph>
        {desk || user?.role === 'council' || user?.role === 'municipality' ? (
          <div className="actions">
            {desk ? <DsLink asChild><Link to="/kundeservice/arbeidsliste">{t('portal.toWorkspace')}</Link></DsLink> : null}
            {desk ? <DsLink asChild><Link to="/kundeservice/import">{t('portal.toImport')}</Link></DsLink> : null}
            {desk ? <DsLink asChild><Link to="/kundeservice/telefonstatistikk">{t('portal.toPhoneStats')}</Link></DsLink> : null}
            <DsLink asChild><Link to="/kundeservice/nokkeltall">{t('portal.toKpi')}</Link></DsLink>
          </div>
        ) : null}
      </div>
      {user?.role === 'municipality' ? (
        <>
          <section className="stack" aria-labelledby="sd-new-heading">
            <h2 id="sd-new-heading" style={{ margin: 0 }}>{t('portal.newHeading')}</h2>
            {created ? <FilesRefused created={created} /> : null}
            <NewTicketForm onCreated={(ticket, refused) => {
              // With every file along, the case's page is the receipt; a refused file keeps the person here to be told.
              if (refused.length === 0) void navigate({ to: '/kundeservice/saker/$id', params: { id: ticket.id }, search: { registrert: true } });
              else setCreated({ ticket, refused });
            }} />
          </section>
          <MyTickets />
        </>
      ) : null}
    </div>
  );
}

/** The case is filed but some files were refused: which, why, and the way to the case to attach them. */
function FilesRefused({ created: { ticket, refused } }: { created: { ticket: TTicket; refused: TRefusedFile[] } }) {
  const t = useSdT();
  return (
    <Alert data-color="warning" role="status">
      <Paragraph>{t('portal.created', { number: ticket.number })} {t('portal.filesRefused')}</Paragraph>
      <ul>{refused.map((f) => <li key={f.name}><strong>{f.name}</strong>: {f.reason}</li>)}</ul>
      <Paragraph>
        <DsLink asChild><Link to="/kundeservice/saker/$id" params={{ id: ticket.id }}>{t('portal.toCase', { number: ticket.number })}</Link></DsLink>
      </Paragraph>
    </Alert>
  );
}

function MyTickets() {
  const t = useSdT();
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const tickets = useTickets({ queue: 'all', sort: 'created', cursor, limit: 25 });
  return (
    <section className="stack" aria-labelledby="sd-mine-heading">
      <h2 id="sd-mine-heading" style={{ margin: 0 }}>{t('portal.myCases')}</h2>
      {tickets.isPending ? <Loading /> : tickets.error ? <LoadError error={tickets.error} /> : tickets.data.tickets.length === 0 ? (
        <Paragraph>{t('portal.noCases')}</Paragraph>
      ) : (
        <DataTable caption={t('portal.myCases')} columns={[
          // Title and status first: on a phone they are what shows before the table scrolls.
          t('field.title'), t('field.status'), t('field.number'), t('field.type'), t('field.created'), t('field.updated'),
        ]}>
          {tickets.data.tickets.map((ticket) => (
            <Table.Row key={ticket.id}>
              <Table.Cell className="sd-mine-title">
                <DsLink asChild><Link to="/kundeservice/saker/$id" params={{ id: ticket.id }}>{ticket.title}</Link></DsLink>
              </Table.Cell>
              <Table.Cell><StatusTag status={ticket.status} /></Table.Cell>
              <Table.Cell>{ticket.number}</Table.Cell>
              <Table.Cell>{t(typeKey(ticket.type))}</Table.Cell>
              <Table.Cell>{formatDate(ticket.createdAt)}</Table.Cell>
              <Table.Cell>{formatDate(ticket.updatedAt)}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      {tickets.data?.nextCursor || cursor ? (
        <div className="actions">
          {cursor ? <Button type="button" variant="secondary" onClick={() => setCursor(undefined)}>{t('work.first')}</Button> : null}
          {tickets.data?.nextCursor ? (
            <Button type="button" variant="secondary" onClick={() => setCursor(tickets.data!.nextCursor!)}>{t('work.next')}</Button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

// /admin: the organisation's data and the logs, one section at a time (the section is in the address).
import { Link } from '@tanstack/react-router';
import { useAdminT, type TAdminKey } from './messages';
import { AuditAdmin } from './AuditAdmin';
import { BodiesAdmin } from './BodiesAdmin';
import { CooperationAdmin } from './CooperationAdmin';
import { DeskRulesAdmin } from './DeskRulesAdmin';
import { MunicipalitiesAdmin } from './MunicipalitiesAdmin';
import { OutboxAdmin } from './OutboxAdmin';
import { PeopleAdmin } from './PeopleAdmin';
import { StaffAdmin } from './staff/StaffAdmin';
import { UsersAdmin } from './UsersAdmin';
import { PageHeading } from '../shell/PageHeading';

export const ADMIN_SECTIONS = ['samarbeid', 'kundeservice', 'kommuner', 'organer', 'personer', 'ansatte', 'brukere', 'logg', 'epost'] as const;
export type TAdminSection = (typeof ADMIN_SECTIONS)[number];

const titles: Record<TAdminSection, TAdminKey> = {
  samarbeid: 'admin.cooperationSection', kundeservice: 'admin.deskRules', kommuner: 'admin.municipalities', organer: 'admin.bodies', personer: 'admin.people', ansatte: 'admin.staff',
  brukere: 'admin.users', logg: 'admin.audit', epost: 'admin.outbox',
};

export function AdminPage({ section }: { section: TAdminSection }) {
  const t = useAdminT();
  return (
    <div className="stack">
      <PageHeading>{t('admin.heading')}</PageHeading>
      <nav aria-label={t('admin.sections')} className="subnav">
        <ul>
          {ADMIN_SECTIONS.map((s) => (
            <li key={s}>
              <Link to="/admin" search={{ fane: s }} aria-current={s === section ? 'page' : undefined}>{t(titles[s])}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'samarbeid' ? <CooperationAdmin /> : null}
      {section === 'kundeservice' ? <DeskRulesAdmin /> : null}
      {section === 'kommuner' ? <MunicipalitiesAdmin /> : null}
      {section === 'organer' ? <BodiesAdmin /> : null}
      {section === 'personer' ? <PeopleAdmin /> : null}
      {section === 'ansatte' ? <StaffAdmin /> : null}
      {section === 'brukere' ? <UsersAdmin /> : null}
      {section === 'logg' ? <AuditAdmin /> : null}
      {section === 'epost' ? <OutboxAdmin /> : null}
    </div>
  );
}

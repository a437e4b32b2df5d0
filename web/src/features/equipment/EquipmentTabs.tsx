// The equipment pages' own navigation. Which tabs a person gets follows the server's policy
// (src/modules/equipment/policy.ts): the council reads the status table and the licences' figures (the
// device list names people), a municipality user also their own PCs, stock and orders; staff run the
// replacement campaign and import too.
import { Link } from '@tanstack/react-router';
import { useSession } from '../auth/session';
import { useEqT } from './messages';
import { formatNumber } from '../../i18n/format';

type TTab = '/utstyr' | '/utstyr/pc-er' | '/utstyr/lager' | '/utstyr/lisenser' | '/utstyr/bytte' | '/utstyr/import';

export function EquipmentTabs({ current }: { current: TTab }) {
  const t = useEqT();
  const { user } = useSession();
  const role = user?.role;
  const staff = role === 'staff' || role === 'admin';
  const tabs: { to: TTab; label: string; show: boolean }[] = [
    { to: '/utstyr', label: t('eq.tabs.status'), show: true },
    { to: '/utstyr/pc-er', label: t('eq.tabs.devices'), show: staff || role === 'municipality' },
    { to: '/utstyr/lager', label: t('eq.tabs.stock'), show: staff || role === 'municipality' },
    { to: '/utstyr/lisenser', label: t('eq.tabs.licences'), show: true },
    { to: '/utstyr/bytte', label: t('eq.tabs.campaign'), show: staff },
    { to: '/utstyr/import', label: t('eq.tabs.import'), show: staff },
  ];
  const shown = tabs.filter((tab) => tab.show);
  if (shown.length < 2) return null;
  return (
    <nav aria-label={t('eq.tabs.label')} className="subnav">
      <ul>
        {shown.map((tab) => (
          <li key={tab.to}><Link to={tab.to} activeOptions={{ exact: true, includeSearch: false }} aria-current={tab.to === current ? 'page' : undefined}>{tab.label}</Link></li>
        ))}
      </ul>
    </nav>
  );
}

/** Whole numbers as the paper prints them: 1 182 with a narrow no-break space, and 0 as 0 (not a dash). */
export const formatCount = (n: number) => formatNumber(n);

import { Tag } from '@digdir/designsystemet-react';
import { useMeetingsT } from './messages';
import type { TMeetingStatus } from './types';

const colors: Record<TMeetingStatus, 'neutral' | 'info' | 'warning' | 'success'> = {
  planlagt: 'neutral', innkalt: 'info', avholdt: 'warning', godkjent: 'success',
};

export function StatusTag({ status }: { status: TMeetingStatus }) {
  const t = useMeetingsT();
  return <Tag data-size="sm" data-color={colors[status]}>{t(`status.${status}`)}</Tag>;
}

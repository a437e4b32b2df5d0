// A meeting's status for staff and council. A meeting whose day has passed with nothing recorded reads
// «Avholdt · ikke ført»: held, as the public and the year's statistics count it, with the step still due.
import { Tag } from '@digdir/designsystemet-react';
import { useMeetingsT } from './messages';
import type { TMeetingStatus } from './types';

const colors: Record<TMeetingStatus, 'neutral' | 'info' | 'warning' | 'success'> = {
  planlagt: 'neutral', innkalt: 'info', avholdt: 'warning', godkjent: 'success',
};

export function StatusTag({ meeting }: { meeting: { status: TMeetingStatus; awaitsRecording: boolean } }) {
  const t = useMeetingsT();
  if (meeting.awaitsRecording) return <Tag data-size="sm" data-color="danger">{t('status.awaitsRecording')}</Tag>;
  return <Tag data-size="sm" data-color={colors[meeting.status]}>{t(`status.${meeting.status}`)}</Tag>;
}

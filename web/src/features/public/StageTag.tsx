// The public's status of a meeting: Kommende, Avholdt or Referat godkjent (the server's meetingStage), as a
// tag with its words (the colour only repeats them).
import { Tag } from '@digdir/designsystemet-react';
import { usePublicT } from './messages';
import type { TMeetingStage } from '../../../../src/modules/governance/vocabulary';

const colors: Record<TMeetingStage, 'info' | 'warning' | 'success'> = { kommende: 'info', avholdt: 'warning', godkjent: 'success' };

export function StageTag({ stage }: { stage: TMeetingStage }) {
  const t = usePublicT();
  return <Tag data-size="sm" data-color={colors[stage]}>{t(`public.stage.${stage}`)}</Tag>;
}

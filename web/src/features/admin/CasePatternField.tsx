// A body's own case-number pattern, with the numbers it makes shown as it is typed (the same rule the
// server checks, org's case-pattern.ts), so a pattern is seen before it is saved.
import { Paragraph } from '@digdir/designsystemet-react';
import { TextField } from '../forms/fields';
import { useAdminT } from './messages';
import { casePatternProblem, formatPatternCaseNumber } from '../../../../src/modules/org/case-pattern';

type TProps = {
  form: string; value: string; onChange: (value: string) => void; error: unknown;
  caseNumbering: 'meeting' | 'running'; casePrefix: string;
};

/** Three example numbers: two cases of meeting 1 and the first of meeting 2 of this year (running on). */
export function casePatternPreview(pattern: string, o: { caseNumbering: 'meeting' | 'running'; casePrefix: string }, year = new Date().getFullYear()): string {
  const prefix = o.casePrefix.trim() || null;
  const second = o.caseNumbering === 'meeting' ? 1 : 3;
  return [
    { meetingNumber: 1, sequence: 1 }, { meetingNumber: 1, sequence: 2 }, { meetingNumber: 2, sequence: second },
  ].map((c) => formatPatternCaseNumber(pattern, { ...c, year, prefix })).join(', ');
}

export function CasePatternField({ form, value, onChange, error, caseNumbering, casePrefix }: TProps) {
  const t = useAdminT();
  const pattern = value.trim();
  const problem = pattern ? casePatternProblem(pattern, { perMeeting: caseNumbering === 'meeting', prefix: casePrefix }) : null;
  return (
    <div className="stack">
      <TextField form={form} name="casePattern" label={t('admin.casePattern')} value={value} onChange={onChange} error={error}
        description={t('admin.casePatternHint')} />
      <Paragraph data-size="sm" aria-live="polite">
        {!pattern ? t('admin.casePatternNone') : problem ? t('admin.casePatternProblem', { problem })
          : t('admin.casePatternPreview', { numbers: casePatternPreview(pattern, { caseNumbering, casePrefix }) })}
      </Paragraph>
    </div>
  );
}

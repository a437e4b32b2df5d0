// Moves between ISO weeks with two buttons; the week shown is announced as it changes.
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { addWeeks, weekNumber } from './labels';
import { usePortfolioT } from './messages';

export function WeekPicker({ week, onChange }: { week: string; onChange: (week: string) => void }) {
  const t = usePortfolioT();
  return (
    <div className="actions" role="group" aria-label={t('portfolio.showWeek')}>
      <Button type="button" variant="secondary" onClick={() => onChange(addWeeks(week, -1))}>{t('portfolio.prevWeek')}</Button>
      <Paragraph aria-live="polite" data-testid="week-shown">{t('portfolio.weekLabel', { number: weekNumber(week), week })}</Paragraph>
      <Button type="button" variant="secondary" onClick={() => onChange(addWeeks(week, 1))}>{t('portfolio.nextWeek')}</Button>
    </div>
  );
}

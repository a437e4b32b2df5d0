// Staff enter a new year-end forecast for a line: kroner as people write them ("28 782 600" or
// "−8 025 000,50"), dated (the report uses the latest on or before its date), with a comment.
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { parseNorwegianAmount } from '../../../../src/modules/economy/calculations';
import { useEconomyT } from './messages';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { useAddForecast } from './api';
import type { TEconomyLine } from './types';

const FORM = 'forecast';

export function ForecastForm({ year, defaultDate, lines }: { year: number; defaultDate: string; lines: TEconomyLine[] }) {
  const t = useEconomyT();
  const [lineId, setLineId] = useState('');
  const [date, setDate] = useState(defaultDate);
  const [amount, setAmount] = useState('');
  const [comment, setComment] = useState('');
  const [localError, setLocalError] = useState<Error | null>(null);
  const add = useAddForecast(year);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLocalError(null);
    const amountOre = parseNorwegianAmount(amount);
    if (amountOre === null) {
      setLocalError(new Error(t('economy.forecastAmountError')));
      return;
    }
    add.mutate({ lineId, date, amountOre, comment: comment.trim() || null }, {
      onSuccess: () => { setAmount(''); setComment(''); },
    });
  };

  return (
    <form className="stack" aria-labelledby="forecast-heading" onSubmit={submit} noValidate>
      <h3 id="forecast-heading" style={{ margin: 0 }}>{t('economy.newForecast')}</h3>
      <FormErrors form={FORM} error={localError ?? add.error} labels={{ lineId: t('economy.line'), date: t('economy.date'), amountOre: t('economy.forecastKr') }} />
      <div className="row">
        <SelectField form={FORM} name="lineId" label={t('economy.line')} value={lineId} onChange={setLineId} required error={add.error}
          placeholder={t('economy.chooseLine')}
          options={lines.map((l) => ({ value: l.id, label: l.kind === 'investering' ? t('economy.lineInvestment', { name: l.name }) : l.name }))} />
        <TextField form={FORM} name="date" label={t('economy.date')} type="date" value={date} onChange={setDate} required error={add.error} />
        <TextField form={FORM} name="amountOre" label={t('economy.forecastForYear')} value={amount} onChange={setAmount} required error={add.error}
          description={t('economy.forecastAmountHint')} />
      </div>
      <TextField form={FORM} name="comment" label={t('economy.comment')} value={comment} onChange={setComment} error={add.error} />
      <div className="actions">
        <Button type="submit" disabled={add.isPending || !lineId}>{t('economy.saveForecast')}</Button>
        {add.isSuccess ? <Paragraph role="status" data-size="sm">{t('economy.forecastSaved')}</Paragraph> : null}
      </div>
    </form>
  );
}

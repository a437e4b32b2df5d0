// Staff enter a new year-end forecast for a line: kroner as people write them ("28 782 600" or
// "−8 025 000,50"), dated (the report uses the latest on or before its date), with a comment.
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { parseNorwegianAmount } from '../../../../src/modules/economy/calculations';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { useAddForecast } from './api';
import type { TEconomyLine } from './types';

const FORM = 'forecast';

export function ForecastForm({ year, defaultDate, lines }: { year: number; defaultDate: string; lines: TEconomyLine[] }) {
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
      setLocalError(new Error('Prognosen må være et beløp i kroner, f.eks. 28 782 600 eller −8 025 000'));
      return;
    }
    add.mutate({ lineId, date, amountOre, comment: comment.trim() || null }, {
      onSuccess: () => { setAmount(''); setComment(''); },
    });
  };

  return (
    <form className="stack" aria-labelledby="forecast-heading" onSubmit={submit} noValidate>
      <h3 id="forecast-heading" style={{ margin: 0 }}>Ny prognose</h3>
      <FormErrors form={FORM} error={localError ?? add.error} labels={{ lineId: 'Linje', date: 'Dato', amountOre: 'Prognose (kr)' }} />
      <div className="row">
        <SelectField form={FORM} name="lineId" label="Linje" value={lineId} onChange={setLineId} required error={add.error}
          placeholder="Velg linje" options={lines.map((l) => ({ value: l.id, label: `${l.name}${l.kind === 'investering' ? ' (investering)' : ''}` }))} />
        <TextField form={FORM} name="date" label="Dato" type="date" value={date} onChange={setDate} required error={add.error} />
        <TextField form={FORM} name="amountOre" label="Prognose for året (kr)" value={amount} onChange={setAmount} required error={add.error}
          description="Hele kroner; inntekter med minus" />
      </div>
      <TextField form={FORM} name="comment" label="Kommentar" value={comment} onChange={setComment} error={add.error} />
      <div className="actions">
        <Button type="submit" disabled={add.isPending || !lineId}>Lagre prognose</Button>
        {add.isSuccess ? <Paragraph role="status" data-size="sm">Prognosen er lagret.</Paragraph> : null}
      </div>
    </form>
  );
}

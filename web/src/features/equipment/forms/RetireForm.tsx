// Staff's retirement of PCs on /utstyr/pc-er (issue 13): the PCs chosen in the device list take the same
// step at once (returned → wiped with proof → sent to an approved recycler), all or none, each recorded
// by the server with who and when (POST /api/equipment/retirements). The proof of a wipe is the wiping
// tool's report id or certificate reference, as the API keeps it (a note, no uploaded file).
import { Button, Fieldset, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { PanelForm } from '../../forms/PanelForm';
import { TextField } from '../../forms/fields';
import { todayIso, useRetireDevices } from '../api';
import { retirementKey, useEqT } from '../messages';
import { Saved } from './StockForms';
import { useEqfT } from './messages';
import { RETIREMENT_STEPS, type TRetirementStep } from '../../../../../src/modules/equipment/vocabulary';

export type TSelection = Map<string, string>;

/** At most this many serials are named in the line that says what is selected; the count says the rest. */
const NAMED = 8;

export function RetireForm({ selection, onClear }: { selection: TSelection; onClear: () => void }) {
  const t = useEqfT();
  const eq = useEqT();
  const [step, setStep] = useState<TRetirementStep>('returned');
  const [on, setOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const retire = useRetireDevices((result) => {
    setSaved(t('eqf.retire.saved', { step: eq(retirementKey(step)), serials: result.steps.map((s) => s.serial).join(', ') }));
    setNote('');
    onClear();
  });
  const serials = [...selection.values()];
  const named = serials.slice(0, NAMED).join(', ') + (serials.length > NAMED ? ', …' : '');
  const noteLabel = step === 'wiped' ? t('eqf.retire.noteWiped') : step === 'recycled' ? t('eqf.retire.noteRecycled') : t('eqf.retire.note');
  const labels = { deviceIds: t('eqf.retire.select'), step: t('eqf.retire.step'), on: t('eqf.retire.on'), note: noteLabel };
  return (
    <PanelForm form="eqf-retire" headingId="eqf-retire-heading" title={t('eqf.retire.heading')} error={retire.error} labels={labels} grid={false}
      notice={<>
        <Paragraph data-size="sm">{t('eqf.retire.help')}</Paragraph>
        {saved ? <Saved testId="eqf-retire-saved">{saved}</Saved> : null}
        <div id="eqf-retire-deviceIds" tabIndex={-1} className="actions">
          <Paragraph role="status" data-testid="eqf-retire-selected">
            {serials.length ? t('eqf.retire.selected', { count: String(serials.length), serials: named }) : t('eqf.retire.none')}
          </Paragraph>
          {serials.length ? <Button type="button" variant="tertiary" data-size="sm" onClick={() => { retire.reset(); onClear(); }}>{t('eqf.retire.clear')}</Button> : null}
        </div>
      </>}
      onSubmit={() => { setSaved(null); retire.mutate({ deviceIds: [...selection.keys()], step, on, note: note.trim() || null }); }}
      submitLabel={t('eqf.retire.save', { count: String(serials.length) })} pending={retire.isPending}>
      <div className="stack">
        <Fieldset id="eqf-retire-step">
          <Fieldset.Legend>{labels.step}</Fieldset.Legend>
          {RETIREMENT_STEPS.map((s) => (
            <Radio key={s} name="step" value={s} label={eq(retirementKey(s))} checked={step === s} onChange={() => { retire.reset(); setStep(s); }} />
          ))}
        </Fieldset>
        <div className="grid-form">
          <TextField form="eqf-retire" name="on" type="date" label={labels.on} value={on} onChange={setOn} error={retire.error} />
          <TextField form="eqf-retire" name="note" label={noteLabel} value={note} onChange={setNote} error={retire.error} autoComplete="off"
            required={step === 'wiped'} />
        </div>
      </div>
    </PanelForm>
  );
}

// The rules document's form: categories with their portal text, the SLA targets per priority, the
// calendars the clocks run on (added by name, deleted unless a priority uses one), and the handling
// rules (channels, waiting statuses, 3-2-1, the phone policy, the survey). It holds a draft
// (desk-rules-draft.ts) and hands the whole document to onSave; the server validates, and its issues
// are shown at the fields they name.
import { Button, Checkbox, Fieldset, Heading, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { fieldId, FormErrors, SelectField, TextField } from '../forms/fields';
import { RowButton } from '../forms/RowButton';
import { channelKey, priorityKey, statusKey, useSdT } from '../servicedesk/messages';
import { DESK_CHANNELS, PRIORITIES, type TPriority } from '../../../../src/modules/servicedesk/vocabulary';
import {
  DURATION_UNITS, HALF_DAYS, PAUSABLE_STATUSES, WEEKDAYS, fieldOfIssue, newRowKey, toDocument, toDraft,
  type TCalendarDraft, type TPolicyDocument, type TRulesDraft,
} from './desk-rules-draft';
import { useAdminT } from './messages';
import './desk-rules.css';

const FORM = 'desk-rules';
const idOf = (name: string) => fieldId(FORM, name);

type TAdminT = ReturnType<typeof useAdminT>;
type TSdT = ReturnType<typeof useSdT>;
type TSetDraft = (change: (draft: TRulesDraft) => TRulesDraft) => void;
type TSectionProps = { draft: TRulesDraft; set: TSetDraft; error: unknown; focus: (id: string) => void };

/** The server's issues renamed to the form's fields, so each field finds its own message. */
function onFields(error: unknown, draft: TRulesDraft): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({ path: fieldOfIssue(f.path, draft), message: f.message }));
  return new ApiError(error.status, error.code, error.message, fields, error.details);
}

export function DeskRulesForm({ rules, error, pending, notice, onSave }: {
  rules: TPolicyDocument; error: unknown; pending: boolean; notice: ReactNode; onSave: (document: TPolicyDocument) => void;
}) {
  const t = useAdminT();
  const sdT = useSdT();
  const [draft, setDraft] = useState(() => toDraft(rules));
  // Named by the draft that was sent (the error only): renaming a category afterwards must not move its message.
  const shownError = useMemo(() => onFields(error, draft), [error]);
  // After a row is added or removed, focus goes to a field that exists only after the next render.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    window.document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  const section = { draft, set: setDraft, error: shownError, focus: setFocusId };
  return (
    <form className="panel stack desk-rules" noValidate aria-labelledby="desk-rules-form-heading"
      onSubmit={(e) => { e.preventDefault(); onSave(toDocument(draft)); }}>
      <Heading level={3} data-size="xs" id="desk-rules-form-heading">{t('rules.form')}</Heading>
      <FormErrors form={FORM} error={shownError} fields={(path) => ({ name: path, label: labelOf(path, draft, t, sdT) })} />
      {notice}
      <CategoriesSection {...section} />
      <TargetsSection {...section} />
      <CalendarsSection {...section} />
      <HandlingSection {...section} />
      <div><Button type="submit" disabled={pending}>{t('rules.save')}</Button></div>
    </form>
  );
}

/** What the error summary calls a field: the row or priority it belongs to, then the field's own label. */
function labelOf(path: string, draft: TRulesDraft, t: TAdminT, sdT: TSdT): string {
  const parts = path.split('.');
  if (parts[0] === 'categories' && parts[1] !== undefined) {
    const row = t('rules.category', { number: Number(parts[1]) + 1 });
    const field = parts[2] === 'description' ? 'rules.categoryDescription' : parts[2] === 'examples' ? 'rules.categoryExamples' : 'rules.categoryName';
    return `${row}, ${t(field).toLowerCase()}`;
  }
  if (parts[0] === 'targets' && parts[1]) {
    const field = parts[2] === 'calendar' ? t('rules.calendar') : parts[2] === 'firstResponse' ? t('rules.firstResponse') : t('rules.resolution');
    return `${sdT(priorityKey(parts[1] as TPriority))}, ${field.toLowerCase()}`;
  }
  if (parts[0] === 'calendars' && parts[1] !== undefined) {
    const name = t('rules.calendarName', { name: draft.calendars[Number(parts[1])]?.name ?? '' });
    const field = parts[2] === 'halfDays' && parts[3] ? t(`halfDay.${parts[3] as (typeof HALF_DAYS)[number]}`)
      : parts[2] === 'closedDates' ? t('rules.closedDate') : t('rules.openingHours');
    return `${name}, ${field.toLowerCase()}`;
  }
  const labels: Record<string, string> = {
    channels: t('rules.channels'), pausedStatuses: t('rules.pausedStatuses'), warnPercent: t('rules.warnPercent'),
    reopenWindowDays: t('rules.reopenWindowDays'), closeAttempts: t('rules.closeAttempts'), closeDays: t('rules.closeDays'),
    phoneSolvablePriorities: t('rules.phone'), surveyEnabled: t('rules.survey'),
  };
  return labels[parts[0] ?? ''] ?? path;
}

/** Where focus goes when row `index` of `count` rows is removed: the row that takes its place, the one before, or the add button. */
function afterRemoval(index: number, count: number, rowId: (i: number) => string, addId: string): string {
  if (index < count - 1) return rowId(index);
  if (index > 0) return rowId(index - 1);
  return addId;
}

function SectionHeading({ id, children }: { id: string; children: ReactNode }) {
  return <Heading level={4} data-size="2xs" id={id}>{children}</Heading>;
}

function CategoriesSection({ draft, set, error, focus }: TSectionProps) {
  const t = useAdminT();
  const rows = draft.categories;
  const nameId = (i: number) => idOf(`categories.${i}.name`);
  const addId = idOf('categories-add');
  const change = (index: number, patch: Partial<TRulesDraft['categories'][number]>) =>
    set((d) => ({ ...d, categories: d.categories.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  return (
    <section className="stack desk-rules-section" aria-labelledby="desk-rules-categories">
      <SectionHeading id="desk-rules-categories">{t('rules.categories')}</SectionHeading>
      <p className="desk-rules-hint">{t('rules.categoriesHint')}</p>
      <ValidationFor error={error} name="categories" exact />
      <ol className="desk-rules-rows desk-rules-category-rows">
        {rows.map((row, i) => (
          <li key={row.key}>
            <fieldset className="plain-fieldset desk-rules-category">
              <legend>{t('rules.category', { number: i + 1 })}</legend>
              <TextField form={FORM} name={`categories.${i}.name`} label={t('rules.categoryName')} value={row.name}
                onChange={(name) => change(i, { name })} required error={error} />
              <TextField form={FORM} name={`categories.${i}.description`} label={t('rules.categoryDescription')} value={row.description}
                onChange={(description) => change(i, { description })} multiline rows={2} error={error} />
              <TextField form={FORM} name={`categories.${i}.examples`} label={t('rules.categoryExamples')} value={row.examples}
                onChange={(examples) => change(i, { examples })} multiline rows={3} description={t('rules.categoryExamplesHint')} error={error} />
              <div className="desk-rules-remove">
                <RowButton label={t('rules.removeCategory')} rowName={t('rules.removeCategoryOf', { name: row.name || String(i + 1) })} variant="tertiary" danger
                  onClick={() => {
                    set((d) => ({ ...d, categories: d.categories.filter((_, j) => j !== i) }));
                    focus(afterRemoval(i, rows.length, nameId, addId));
                  }} />
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div>
        <Button type="button" variant="secondary" data-size="sm" id={addId} onClick={() => {
          set((d) => ({ ...d, categories: [...d.categories, { key: newRowKey(), name: '', description: '', examples: '' }] }));
          focus(nameId(rows.length));
        }}>{t('rules.addCategory')}</Button>
      </div>
    </section>
  );
}

function TargetsSection({ draft, set, error }: TSectionProps) {
  const t = useAdminT();
  const sdT = useSdT();
  const unitOptions = DURATION_UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }));
  const calendarOptions = draft.calendars.map((c) => ({ value: c.name, label: c.name }));
  const change = (p: TPriority, patch: (target: TRulesDraft['targets'][TPriority]) => TRulesDraft['targets'][TPriority]) =>
    set((d) => ({ ...d, targets: { ...d.targets, [p]: patch(d.targets[p]) } }));
  return (
    <section className="stack desk-rules-section" aria-labelledby="desk-rules-targets">
      <SectionHeading id="desk-rules-targets">{t('rules.targets')}</SectionHeading>
      <p className="desk-rules-hint">{t('rules.targetsHint')}</p>
      <div className="desk-rules-targets">
        {PRIORITIES.map((p) => {
          const target = draft.targets[p];
          return (
            <fieldset key={p} className="plain-fieldset">
              <legend>{sdT(priorityKey(p))}</legend>
              <div className="desk-rules-target">
                <TextField form={FORM} name={`targets.${p}.firstResponse.value`} label={t('rules.firstResponse')} value={target.firstResponse.value}
                  onChange={(value) => change(p, (x) => ({ ...x, firstResponse: { ...x.firstResponse, value } }))} required error={error} />
                <SelectField form={FORM} name={`targets.${p}.firstResponse.unit`} label={t('rules.firstResponseUnit')} value={target.firstResponse.unit}
                  onChange={(unit) => change(p, (x) => ({ ...x, firstResponse: { ...x.firstResponse, unit: unit as typeof x.firstResponse.unit } }))}
                  options={unitOptions} error={error} />
                <TextField form={FORM} name={`targets.${p}.resolution.value`} label={t('rules.resolution')} value={target.resolution.value}
                  onChange={(value) => change(p, (x) => ({ ...x, resolution: { ...x.resolution, value } }))} required error={error} />
                <SelectField form={FORM} name={`targets.${p}.resolution.unit`} label={t('rules.resolutionUnit')} value={target.resolution.unit}
                  onChange={(unit) => change(p, (x) => ({ ...x, resolution: { ...x.resolution, unit: unit as typeof x.resolution.unit } }))}
                  options={unitOptions} error={error} />
                <SelectField form={FORM} name={`targets.${p}.calendar`} label={t('rules.calendar')} value={target.calendar}
                  onChange={(calendar) => change(p, (x) => ({ ...x, calendar }))} options={calendarOptions} error={error} />
              </div>
            </fieldset>
          );
        })}
      </div>
    </section>
  );
}

/** The longest calendar name the server takes (ZPolicyDocument's calendars). */
const CALENDAR_NAME_MAX = 50;

function CalendarsSection({ draft, set, error, focus }: TSectionProps) {
  const t = useAdminT();
  const sdT = useSdT();
  const { language } = useI18n();
  const [name, setName] = useState('');
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  // The calendar whose deletion was refused. Its message is worked out from the draft as it stands, so
  // it goes away once the priorities that used the calendar have been given another.
  const [refused, setRefused] = useState<string | null>(null);
  const nameId = idOf('calendars-new-name');
  const kindId = (i: number) => idOf(`calendars.${i}.kind`);
  const deleteId = (i: number) => idOf(`calendars.${i}.delete`);
  const usersOf = (calendar: string) => PRIORITIES.filter((p) => draft.targets[p].calendar === calendar);
  const list = (items: string[]) => new Intl.ListFormat(language === 'en' ? 'en' : 'nb', { type: 'conjunction' }).format(items);

  const add = () => {
    const wanted = name.trim();
    const problem = !wanted ? t('rules.calendarNameMissing')
      : wanted.length > CALENDAR_NAME_MAX ? t('rules.calendarNameTooLong', { max: CALENDAR_NAME_MAX })
        // Names are the document's keys; two that differ only in case would be two calendars nobody can tell apart.
        : draft.calendars.some((c) => c.name.toLocaleLowerCase('nb') === wanted.toLocaleLowerCase('nb')) ? t('rules.calendarNameTaken', { name: wanted })
          : null;
    setNameProblem(problem);
    if (problem) {
      focus(nameId);
      return;
    }
    set((d) => ({ ...d, calendars: [...d.calendars, newCalendar(wanted)] }));
    setName('');
    focus(kindId(draft.calendars.length));
  };

  const remove = (index: number) => {
    const calendar = draft.calendars[index]!;
    // A priority's clock needs its calendar: the page refuses here, as the server would on save.
    if (usersOf(calendar.name).length) {
      setRefused(calendar.name);
      return;
    }
    setRefused(null);
    set((d) => ({ ...d, calendars: d.calendars.filter((_, i) => i !== index) }));
    focus(afterRemoval(index, draft.calendars.length, deleteId, nameId));
  };

  return (
    <section className="stack desk-rules-section" aria-labelledby="desk-rules-calendars">
      <SectionHeading id="desk-rules-calendars">{t('rules.calendars')}</SectionHeading>
      <p className="desk-rules-hint">{t('rules.calendarsHint')}</p>
      {draft.calendars.map((calendar, c) => {
        const users = refused === calendar.name ? usersOf(calendar.name) : [];
        return (
          <CalendarFields key={calendar.name} calendar={calendar} index={c} error={error} focus={focus} onDelete={() => remove(c)}
            refusal={users.length ? t('rules.calendarInUse', { name: calendar.name, priorities: list(users.map((p) => sdT(priorityKey(p)))) }) : null}
            change={(patch) => set((d) => ({ ...d, calendars: d.calendars.map((x, i) => (i === c ? patch(x) : x)) }))} />
        );
      })}
      <fieldset className="plain-fieldset desk-rules-add-calendar">
        <legend>{t('rules.addCalendarLegend')}</legend>
        <div className="desk-rules-target">
          <Textfield id={nameId} label={t('rules.newCalendarName')} description={t('rules.newCalendarNameHint')} value={name}
            error={nameProblem ?? undefined}
            onChange={(e: ChangeEvent<HTMLInputElement>) => { setName(e.target.value); setNameProblem(null); }}
            onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
              // Enter adds the calendar; it must not submit the whole rules form.
              if (e.key === 'Enter') { e.preventDefault(); add(); }
            }} />
          <div className="desk-rules-remove">
            <Button type="button" variant="secondary" data-size="sm" onClick={add}>{t('rules.addCalendar')}</Button>
          </div>
        </div>
      </fieldset>
    </section>
  );
}

/** A new calendar starts as office hours on working days, closed on the public holidays: the common case. */
function newCalendar(name: string): TCalendarDraft {
  return {
    name, kind: 'business', holidays: true,
    openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ key: newRowKey(), weekday, open: '08:00', close: '16:00' })),
    halfDays: { julaften: '', nyttarsaften: '', onsdagForSkjaertorsdag: '' },
    closedDates: [],
    // Norwegian time, as the server's default; the SLA day is Monday's opening hours.
    rest: { timeZone: 'Europe/Oslo' },
  };
}

function CalendarFields({ calendar, index: c, change, error, focus, onDelete, refusal }: {
  calendar: TCalendarDraft; index: number; change: (patch: (calendar: TCalendarDraft) => TCalendarDraft) => void;
  error: unknown; focus: (id: string) => void; onDelete: () => void;
  /** Why the calendar could not be deleted (the priorities that use it); null when nothing was refused. */
  refusal: string | null;
}) {
  const t = useAdminT();
  const prefix = `calendars.${c}`;
  const weekdayOptions = WEEKDAYS.map((w) => ({ value: String(w), label: t(`weekday.${w}`) }));
  const openingId = (r: number) => idOf(`${prefix}.openingHours.${r}.weekday`);
  const addOpeningId = idOf(`${prefix}-add-opening`);
  const closedId = (r: number) => idOf(`${prefix}.closedDates.${r}`);
  const addClosedId = idOf(`${prefix}-add-closed`);
  const setOpening = (r: number, patch: Partial<TCalendarDraft['openingHours'][number]>) =>
    change((x) => ({ ...x, openingHours: x.openingHours.map((row, i) => (i === r ? { ...row, ...patch } : row)) }));
  return (
    <fieldset className="plain-fieldset desk-rules-calendar">
      <legend>{t('rules.calendarName', { name: calendar.name })}</legend>
      <div className="desk-rules-target">
        <SelectField form={FORM} name={`${prefix}.kind`} label={t('rules.kind')} value={calendar.kind}
          onChange={(kind) => change((x) => ({ ...x, kind: kind as TCalendarDraft['kind'] }))}
          options={(['business', 'always'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))} error={error} />
      </div>
      {calendar.kind === 'always' ? <p className="desk-rules-hint">{t('rules.alwaysHint')}</p> : (
        <>
          <Checkbox id={idOf(`${prefix}.holidays`)} label={t('rules.holidays')} checked={calendar.holidays}
            onChange={(e) => { const holidays = e.target.checked; change((x) => ({ ...x, holidays })); }} />
          <fieldset className="plain-fieldset" id={idOf(`${prefix}.openingHours`)}>
            <legend>{t('rules.openingHours')}</legend>
            <ValidationFor error={error} name={`${prefix}.openingHours`} exact />
            <ol className="desk-rules-rows">
              {calendar.openingHours.map((row, r) => (
                <li key={row.key} className="desk-rules-opening">
                  <SelectField form={FORM} name={`${prefix}.openingHours.${r}.weekday`} label={t('rules.weekday')} value={String(row.weekday)}
                    onChange={(w) => setOpening(r, { weekday: Number(w) })} options={weekdayOptions} error={error} />
                  <TextField form={FORM} name={`${prefix}.openingHours.${r}.open`} type="time" label={t('rules.open')} value={row.open}
                    onChange={(open) => setOpening(r, { open })} error={error} />
                  <TextField form={FORM} name={`${prefix}.openingHours.${r}.close`} type="time" label={t('rules.close')} value={row.close}
                    onChange={(close) => setOpening(r, { close })} error={error} />
                  <div className="desk-rules-remove">
                    <RowButton label={t('rules.removeOpening')} variant="tertiary" danger
                      rowName={t('rules.openingOf', { weekday: t(`weekday.${row.weekday as 1}`), open: row.open, close: row.close })}
                      onClick={() => {
                        change((x) => ({ ...x, openingHours: x.openingHours.filter((_, j) => j !== r) }));
                        focus(afterRemoval(r, calendar.openingHours.length, openingId, addOpeningId));
                      }} />
                  </div>
                </li>
              ))}
            </ol>
            <div>
              <Button type="button" variant="secondary" data-size="sm" id={addOpeningId} onClick={() => {
                // A new row starts as a copy of the last one's hours on the next weekday: the common case is a week of equal days.
                const last = calendar.openingHours.at(-1);
                change((x) => ({ ...x, openingHours: [...x.openingHours, {
                  key: newRowKey(), weekday: last ? (last.weekday % 7) + 1 : 1, open: last?.open ?? '08:00', close: last?.close ?? '16:00',
                }] }));
                focus(openingId(calendar.openingHours.length));
              }}>{t('rules.addOpening')}</Button>
            </div>
          </fieldset>
          <fieldset className="plain-fieldset">
            <legend>{t('rules.halfDays')}</legend>
            <p className="desk-rules-hint">{t('rules.halfDaysHint')}</p>
            <div className="desk-rules-target">
              {HALF_DAYS.map((h) => (
                <TextField key={h} form={FORM} name={`${prefix}.halfDays.${h}`} type="time" label={t(`halfDay.${h}`)} value={calendar.halfDays[h]}
                  onChange={(time) => change((x) => ({ ...x, halfDays: { ...x.halfDays, [h]: time } }))} error={error} />
              ))}
            </div>
          </fieldset>
          <fieldset className="plain-fieldset">
            <legend>{t('rules.closedDates')}</legend>
            {calendar.closedDates.length === 0 ? <p className="desk-rules-hint">{t('rules.noClosedDates')}</p> : null}
            <ol className="desk-rules-rows">
              {calendar.closedDates.map((row, r) => (
                <li key={row.key} className="desk-rules-opening">
                  <TextField form={FORM} name={`${prefix}.closedDates.${r}`} type="date" label={t('rules.closedDate')} value={row.date}
                    onChange={(date) => change((x) => ({ ...x, closedDates: x.closedDates.map((d, j) => (j === r ? { ...d, date } : d)) }))} error={error} />
                  <div className="desk-rules-remove">
                    <RowButton label={t('rules.removeClosedDate')} variant="tertiary" danger
                      rowName={t('rules.closedDateOf', { date: formatDate(row.date) || String(r + 1) })}
                      onClick={() => {
                        change((x) => ({ ...x, closedDates: x.closedDates.filter((_, j) => j !== r) }));
                        focus(afterRemoval(r, calendar.closedDates.length, closedId, addClosedId));
                      }} />
                  </div>
                </li>
              ))}
            </ol>
            <div>
              <Button type="button" variant="secondary" data-size="sm" id={addClosedId} onClick={() => {
                change((x) => ({ ...x, closedDates: [...x.closedDates, { key: newRowKey(), date: '' }] }));
                focus(closedId(calendar.closedDates.length));
              }}>{t('rules.addClosedDate')}</Button>
            </div>
          </fieldset>
        </>
      )}
      <div className="desk-rules-calendar-delete">
        <Button type="button" variant="tertiary" data-size="sm" data-color="danger" id={idOf(`${prefix}.delete`)} onClick={onDelete}>
          {t('rules.removeCalendar')}<span className="sr-only"> «{calendar.name}»</span>
        </Button>
      </div>
      {refusal ? <ValidationMessage role="alert">{refusal}</ValidationMessage> : null}
    </fieldset>
  );
}

function HandlingSection({ draft, set, error }: TSectionProps) {
  const t = useAdminT();
  const sdT = useSdT();
  const text = (name: 'warnPercent' | 'reopenWindowDays' | 'closeAttempts' | 'closeDays', label: string) => (
    <TextField form={FORM} name={name} label={label} value={draft[name]} onChange={(value) => set((d) => ({ ...d, [name]: value }))} required error={error} />
  );
  return (
    <section className="stack desk-rules-section" aria-labelledby="desk-rules-handling">
      <SectionHeading id="desk-rules-handling">{t('rules.handling')}</SectionHeading>
      <CheckGroup name="channels" legend={t('rules.channels')} description={t('rules.channelsHint')} error={error}
        options={DESK_CHANNELS.map((c) => ({ value: c, label: sdT(channelKey(c)) }))} value={draft.channels}
        onChange={(channels) => set((d) => ({ ...d, channels }))} />
      <CheckGroup name="pausedStatuses" legend={t('rules.pausedStatuses')} error={error}
        options={PAUSABLE_STATUSES.map((s) => ({ value: s, label: sdT(statusKey(s)) }))} value={draft.pausedStatuses}
        onChange={(pausedStatuses) => set((d) => ({ ...d, pausedStatuses }))} />
      <div className="desk-rules-numbers">
        {text('warnPercent', t('rules.warnPercent'))}
        {text('reopenWindowDays', t('rules.reopenWindowDays'))}
      </div>
      <fieldset className="plain-fieldset">
        <legend>{t('rules.closeRule')}</legend>
        <p className="desk-rules-hint">{t('rules.closeRuleHint')}</p>
        <div className="desk-rules-target">
          {text('closeAttempts', t('rules.closeAttempts'))}
          {text('closeDays', t('rules.closeDays'))}
        </div>
      </fieldset>
      <CheckGroup name="phoneSolvablePriorities" legend={t('rules.phone')} description={t('rules.phoneHint')} error={error}
        options={PRIORITIES.map((p) => ({ value: p, label: sdT(priorityKey(p)) }))} value={draft.phoneSolvablePriorities}
        onChange={(phoneSolvablePriorities) => set((d) => ({ ...d, phoneSolvablePriorities }))} />
      <Checkbox id={idOf('surveyEnabled')} label={t('rules.survey')} checked={draft.surveyEnabled}
        onChange={(e) => { const surveyEnabled = e.target.checked; set((d) => ({ ...d, surveyEnabled })); }} />
    </section>
  );
}

/** Checkboxes for a list of fixed values, kept in the vocabulary's order whatever order they are ticked in. */
function CheckGroup<T extends string>({ name, legend, description, options, value, onChange, error }: {
  name: string; legend: string; description?: string; options: { value: T; label: string }[]; value: T[];
  onChange: (value: T[]) => void; error: unknown;
}) {
  return (
    <Fieldset id={idOf(name)} data-size="sm">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description ? <Fieldset.Description>{description}</Fieldset.Description> : null}
      <div className="desk-rules-checks">
        {options.map((o) => (
          <Checkbox key={o.value} id={idOf(`${name}-${o.value}`)} label={o.label} value={o.value} checked={value.includes(o.value)}
            onChange={(e) => {
              const checked = e.target.checked;
              onChange(options.map((x) => x.value).filter((v) => (v === o.value ? checked : value.includes(v))));
            }} />
        ))}
      </div>
      <ValidationFor error={error} name={name} />
    </Fieldset>
  );
}

/** The server's message about a whole list or group (not one of its fields). */
function ValidationFor({ error, name, exact }: { error: unknown; name: string; exact?: boolean }) {
  if (!(error instanceof ApiError)) return null;
  const issue = error.fields.find((f) => f.path === name || (!exact && f.path.startsWith(`${name}.`)));
  return issue ? <ValidationMessage>{issue.message}</ValidationMessage> : null;
}

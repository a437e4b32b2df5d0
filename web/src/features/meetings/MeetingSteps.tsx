// The staff meeting page as the cycle it follows: Saksliste → Innkalling → Møte → Protokoll →
// Godkjenning, one step shown at a time (the address says which, ?steg=…), each marked done or not from
// the meeting itself, and the first step not done suggested as the next. Instead of one long scroll.
import { Link as DsLink } from '@digdir/designsystemet-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMeetingsT } from './messages';
import { isRedacted, type TMeetingView } from './types';

export const MEETING_STEPS = ['saksliste', 'innkalling', 'mote', 'protokoll', 'godkjenning'] as const;
export type TMeetingStep = (typeof MEETING_STEPS)[number];

/** The step named in the address, or undefined when it names none (or one that does not exist). */
export const searchStep = (v: unknown): TMeetingStep | undefined =>
  (MEETING_STEPS as readonly unknown[]).includes(v) ? (v as TMeetingStep) : undefined;

/** Which steps the meeting has done, read from what is stored (not from what the page remembers). */
export function stepsDone(view: TMeetingView): Record<TMeetingStep, boolean> {
  const cases = view.cases.filter((c) => !isRedacted(c));
  const { meeting } = view;
  return {
    saksliste: meeting.noticeVersion > 0 || cases.some((c) => !isRedacted(c) && !c.standing),
    innkalling: meeting.noticeVersion > 0,
    mote: view.attendance.length > 0,
    protokoll: cases.length > 0 && cases.every((c) => !isRedacted(c) && Boolean(c.decisionText)),
    godkjenning: meeting.status === 'godkjent',
  };
}

/** The first step not done: the one to do next. An approved meeting opens on its minutes (Protokoll). */
export function suggestedStep(view: TMeetingView): TMeetingStep {
  const done = stepsDone(view);
  return MEETING_STEPS.find((s) => !done[s]) ?? 'protokoll';
}

const stepHref = (meetingId: string, step: TMeetingStep) => `/moter/${meetingId}?steg=${step}`;

export function StepNav({ meetingId, current, done, suggested }: {
  meetingId: string; current: TMeetingStep; done: Record<TMeetingStep, boolean>; suggested: TMeetingStep;
}) {
  const t = useMeetingsT();
  const navigate = useNavigate();
  return (
    <nav aria-label={t('steps.label')} className="steps">
      <ol>
        {MEETING_STEPS.map((s, i) => {
          const state = done[s] ? 'done' : s === suggested ? 'next' : 'todo';
          return (
            <li key={s} className={`steps__step steps__step--${state}`}>
              {/* A plain link, not the router's: its Link marks the open one aria-current="page", and this is a step. */}
              <a href={stepHref(meetingId, s)} aria-current={s === current ? 'step' : undefined} className="steps__link"
                onClick={(e) => {
                  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                  e.preventDefault();
                  void navigate({ to: '/moter/$id', params: { id: meetingId }, search: { steg: s } });
                }}>
                <span className="steps__mark" aria-hidden="true">{done[s] ? '✓' : i + 1}</span>
                <span className="steps__name">{t(`steps.${s}`)}</span>
                {state === 'todo' ? null : <>{' '}<span className="steps__state">{t(`steps.state.${state}`)}</span></>}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Below a step: the way on to the next one in the cycle (and to the suggested one, when that is another). */
export function NextStep({ meetingId, current, suggested }: { meetingId: string; current: TMeetingStep; suggested: TMeetingStep }) {
  const t = useMeetingsT();
  const next = MEETING_STEPS[MEETING_STEPS.indexOf(current) + 1];
  const target = suggested !== current ? suggested : next;
  if (!target) return null;
  return (
    <p className="steps__next">
      <DsLink asChild>
        <Link to="/moter/$id" params={{ id: meetingId }} search={{ steg: target }}>
          {t('steps.goTo', { step: t(`steps.${target}`) })}
        </Link>
      </DsLink>
    </p>
  );
}

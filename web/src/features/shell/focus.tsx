// Where keyboard focus goes after an action, and what a screen reader hears about it (WCAG 2.4.3,
// 4.1.3). A button that disappears, becomes disabled or is re-rendered elsewhere takes focus down to
// <body>; these helpers put it somewhere sensible once the page shows the result, and say the result in
// one polite live region kept by the layout.
import { useEffect, useRef } from 'react';

/**
 * Focuses the element with this id (or the first the finder returns) as soon as it is in the page and
 * can take focus, trying for up to five seconds: the element may come with the next render or with the
 * refetch after a save. `fallbacks` are tried in order when the first never shows.
 */
export function focusWhenReady(...targets: (string | (() => HTMLElement | null | undefined))[]): void {
  const find = () => {
    for (const target of targets) {
      const el = typeof target === 'string' ? document.getElementById(target) : target();
      if (el && el.isConnected && !(el as HTMLButtonElement).disabled) return el;
    }
    return null;
  };
  // Up to five seconds: the refetch after a save can take that long on a slow line.
  const until = Date.now() + 5_000;
  const attempt = () => {
    const el = find();
    if (el) {
      el.focus({ preventScroll: false });
      if (document.activeElement === el) return;
    }
    if (Date.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/**
 * Focuses the heading of the section around `from` (made focusable by script, tabindex -1): where focus
 * goes when the thing it was on is gone (a deleted row).
 */
export function focusSectionHeading(from: Element | null): void {
  const heading = from?.closest('section')?.querySelector<HTMLElement>('h1, h2, h3, h4');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  focusWhenReady(() => heading);
}

let region: HTMLElement | null = null;

/** Says the message once through the layout's live region (role="status", polite). */
export function announce(message: string): void {
  if (!region) return;
  const el = region;
  // Emptied first, so the same message twice is said twice.
  el.textContent = '';
  window.setTimeout(() => { el.textContent = message; }, 50);
}

/** The layout's live region; one per page. */
export function Announcer() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    region = ref.current;
    return () => { region = null; };
  }, []);
  return <div ref={ref} role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="announcer" />;
}

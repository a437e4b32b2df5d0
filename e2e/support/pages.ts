// Checks every page must pass (issue 10): no horizontal scrolling at the width given (WCAG 1.4.10 Reflow
// at 320 CSS px), zero axe violations for WCAG 2.0/2.1 A and AA, exactly one <h1>, and a document title
// that names the page. Used by e2e/pages.spec.ts over every route, role and language.
import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Makes the context's pages start in the given language (the switch keeps it in localStorage). */
export async function useLanguage(context: BrowserContext, language: 'nb' | 'en') {
  await context.addInitScript((lang) => window.localStorage.setItem('samrad.language', lang), language);
}

/** Requests in flight per context (watchNetwork) and when that count last changed. */
const networks = new WeakMap<BrowserContext, { inFlight: number; lastChange: number }>();

/**
 * Makes settled() wait for the context's network to be quiet for QUIET_MS instead of Playwright's
 * networkidle (500 ms of silence): on the hundred and more pages of a run that silence was a minute of
 * waiting. Every request counts, as for networkidle: API calls, route chunks, fonts, images.
 */
export function watchNetwork(context: BrowserContext) {
  const state = { inFlight: 0, lastChange: Date.now() };
  networks.set(context, state);
  const change = (delta: number) => {
    state.inFlight += delta;
    state.lastChange = Date.now();
  };
  context.on('request', () => change(+1));
  context.on('requestfinished', () => change(-1));
  context.on('requestfailed', () => change(-1));
}
const QUIET_MS = 200;

/**
 * Waits until the page has drawn its data: no request for QUIET_MS (a query that answers may start the
 * next one; networkidle if the context is not watched), the fonts loaded, its h1 there and no spinner
 * or pending query left.
 */
export async function settled(page: Page) {
  const network = networks.get(page.context());
  if (network) {
    await page.waitForLoadState('load');
    const deadline = Date.now() + 20_000;
    while (network.inFlight > 0 || Date.now() - network.lastChange < QUIET_MS) {
      if (Date.now() > deadline) throw new Error(`${page.url()}: ${network.inFlight} requests still in flight after 20 s`);
      await page.waitForTimeout(25);
    }
  } else {
    await page.waitForLoadState('networkidle');
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('main .loading')).toHaveCount(0);
}

/** What is wrong with the page as it stands; an empty list when it passes. */
export async function pageProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const width = page.viewportSize()!.width;
  const overflow = await page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth) return null;
    // Name the widest elements that stick out, so a failure says where to look.
    const culprits = [...document.querySelectorAll<HTMLElement>('main *, header *')]
      .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1)
      .filter((el) => !el.closest('[data-scroll-region]'))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: doc.scrollWidth, culprits };
  });
  if (overflow) problems.push(`scrolls sideways at ${width} px: ${overflow.scrollWidth} px wide; ${overflow.culprits.join(', ')}`);
  const h1s = await page.locator('h1').count();
  if (h1s !== 1) problems.push(`${h1s} h1 elements`);
  const title = await page.title();
  if (!/ – samrad$/.test(title)) problems.push(`title "${title}" does not name the page`);
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  for (const v of axe.violations) {
    problems.push(`axe ${v.id}: ${v.nodes.length} × ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
  }
  return problems;
}

// Bokmål UI labels on an English page (issue 10): every message of the web's catalogues that has æ, ø or
// å in bokmål and other words in English is a label that an English page must never show outside
// Norwegian content (marked lang="nb"). A hard-coded «Lagre» or a bokmål enum label left in a page shows
// up here with its text. The catalogues are found by file name, as catalogue.test.ts finds them.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

type TCatalogue = { nb: Record<string, string>; en: Record<string, string> };
const isCatalogue = (value: unknown): value is TCatalogue =>
  typeof value === 'object' && value !== null && 'nb' in value && 'en' in value && Object.keys(value).length === 2;

const web = fileURLToPath(new URL('../../web/src/', import.meta.url));

function messageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => entry.isDirectory()
    ? messageFiles(path.join(dir, entry.name))
    : entry.name === 'messages.ts' ? [path.join(dir, entry.name)] : []);
}

let labels: Promise<string[]> | undefined;

async function bokmalOnlyLabels(): Promise<string[]> {
  const catalogues: TCatalogue[] = [];
  for (const file of [path.join(web, 'i18n/index.tsx'), ...messageFiles(path.join(web, 'features'))]) {
    for (const value of Object.values(await import(file) as Record<string, unknown>)) if (isCatalogue(value)) catalogues.push(value);
  }
  const found = new Set<string>();
  for (const catalogue of catalogues) {
    for (const [key, nb] of Object.entries(catalogue.nb)) {
      if (nb !== catalogue.en[key] && /[æøå]/i.test(nb) && !/\{\w+\}/.test(nb) && nb.trim().length >= 3) found.add(nb.trim());
    }
  }
  return [...found];
}

/** The bokmål labels the page shows outside content marked lang="nb": element text, aria-label, title, placeholder. */
export async function bokmalLabelsOn(page: Page): Promise<string[]> {
  const list = await (labels ??= bokmalOnlyLabels());
  return page.evaluate((wanted) => {
    const set = new Set(wanted);
    const seen = new Set<string>();
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('[lang="nb"], script, style, [hidden]')) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      if (own && set.has(own)) seen.add(`${el.tagName.toLowerCase()}: ${own}`);
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name)?.trim();
        if (value && set.has(value)) seen.add(`${el.tagName.toLowerCase()}@${name}: ${value}`);
      }
    }
    return [...seen];
  }, list);
}

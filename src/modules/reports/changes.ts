// What changed in a section's narrative since it was carried forward from the previous report, block by
// block (paragraph, heading, list), for the author to see as leaders do with last month's Word file.
// A longest common subsequence over the blocks' plain text: a block kept unchanged is `same`, a block
// with no counterpart is `added`, and a carried block that is gone is listed as removed. Pure.
import type { TRichText } from '../../lib/rich-text.js';
import { blockTexts } from '../../lib/rich-text-markup.js';

export type TBlockChange = 'same' | 'added';
export type TNarrativeChanges = {
  /** One entry per block of the current narrative. */
  blocks: TBlockChange[];
  /** The carried blocks no longer there, as plain text. */
  removed: string[];
  changed: boolean;
};

export function narrativeChanges(carried: TRichText | null, now: TRichText): TNarrativeChanges {
  const after = blockTexts(now).map((t) => t.trim());
  if (!carried) return { blocks: after.map(() => 'added'), removed: [], changed: after.length > 0 };
  const before = blockTexts(carried).map((t) => t.trim());
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const blocks: TBlockChange[] = after.map(() => 'added');
  const removed: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) { blocks[j] = 'same'; i++; j++; }
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) removed.push(before[i++]!);
    else j++;
  }
  while (i < n) removed.push(before[i++]!);
  return { blocks, removed, changed: removed.length > 0 || blocks.includes('added') };
}

// Section numbers follow from the tree: the second child of the first section is 1.2, and so on down
// to 2.1.5.1. Pure, so the template editor, the report and every format number sections the same way.
import { MAX_SECTION_DEPTH } from './vocabulary.js';

export type TTreeNode = { id: string; parentId: string | null; position: number };
export type TNumbered<T> = T & { number: string; depth: number };

/** The nodes in reading order (depth first), each with its number and depth (1 = top level). */
export function numberSections<T extends TTreeNode>(nodes: readonly T[]): TNumbered<T>[] {
  const children = new Map<string | null, T[]>();
  for (const n of nodes) {
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  const out: TNumbered<T>[] = [];
  const walk = (parentId: string | null, prefix: string, depth: number) => {
    (children.get(parentId) ?? []).forEach((node, i) => {
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.push({ ...node, number, depth });
      walk(node.id, number, depth + 1);
    });
  };
  walk(null, '', 1);
  return out;
}

export type TFlatSectionInput = { key: string; parentKey: string | null };

/**
 * What is wrong with a tree sent as a flat list in reading order: a key twice, a parent that is not
 * earlier in the list, or deeper than MAX_SECTION_DEPTH. Each problem names the index of the entry.
 */
export function treeProblems(sections: readonly TFlatSectionInput[]): { index: number; message: string }[] {
  const depth = new Map<string, number>();
  const problems: { index: number; message: string }[] = [];
  sections.forEach((s, index) => {
    if (depth.has(s.key)) { problems.push({ index, message: 'Samme nøkkel står to ganger' }); return; }
    let d = 1;
    if (s.parentKey !== null) {
      const parent = depth.get(s.parentKey);
      if (parent === undefined) { problems.push({ index, message: 'Overordnet seksjon må stå før seksjonen i listen' }); return; }
      d = parent + 1;
    }
    if (d > MAX_SECTION_DEPTH) { problems.push({ index, message: `Høyst ${MAX_SECTION_DEPTH} nivåer` }); return; }
    depth.set(s.key, d);
  });
  return problems;
}

// The reports module's pure rules: section numbers from the tree, a flat tree's problems, what changed
// in a narrative since it was carried forward, and the rich-text markup round trip.
import { describe, expect, it } from 'vitest';
import { ZRichText } from '../../lib/rich-text.js';
import { richTextFromMarkup, richTextToMarkup, richTextToPlain } from '../../lib/rich-text-markup.js';
import { narrativeChanges } from './changes.js';
import { numberSections, treeProblems } from './numbering.js';

describe('numberSections', () => {
  it('numbers depth first by position, whatever order the rows come in', () => {
    const rows = [
      { id: 'c', parentId: 'b', position: 1 }, { id: 'b', parentId: 'a', position: 5 }, { id: 'a', parentId: null, position: 2 },
      { id: 'z', parentId: null, position: 1 }, { id: 'd', parentId: 'c', position: 1 }, { id: 'e', parentId: 'a', position: 9 },
    ];
    expect(numberSections(rows).map((r) => `${r.id}:${r.number}:${r.depth}`)).toEqual(['z:1:1', 'a:2:1', 'b:2.1:2', 'c:2.1.1:3', 'd:2.1.1.1:4', 'e:2.2:2']);
  });
});

describe('treeProblems', () => {
  it('finds a repeated key, a parent after its child and a tree too deep', () => {
    expect(treeProblems([{ key: 'a', parentKey: null }, { key: 'a', parentKey: null }])).toEqual([{ index: 1, message: 'Samme nøkkel står to ganger' }]);
    expect(treeProblems([{ key: 'b', parentKey: 'a' }, { key: 'a', parentKey: null }])[0]!.index).toBe(0);
    const deep = ['1', '2', '3', '4', '5', '6'].map((k, i) => ({ key: k, parentKey: i ? String(i) : null }));
    expect(treeProblems(deep)).toEqual([{ index: 5, message: 'Høyst 5 nivåer' }]);
    expect(treeProblems(deep.slice(0, 5))).toEqual([]);
  });
});

describe('narrativeChanges', () => {
  const doc = (s: string) => richTextFromMarkup(s);
  it('marks kept blocks same, new and edited blocks added, and lists what was taken out', () => {
    expect(narrativeChanges(doc('A\n\nB\n\nC'), doc('A\n\nB2\n\nC\n\nD'))).toEqual({ blocks: ['same', 'added', 'same', 'added'], removed: ['B'], changed: true });
    expect(narrativeChanges(doc('A\n\nB'), doc('A\n\nB'))).toEqual({ blocks: ['same', 'same'], removed: [], changed: false });
    expect(narrativeChanges(null, doc('A'))).toEqual({ blocks: ['added'], removed: [], changed: true });
  });
});

describe('rich text', () => {
  it('reads the light markup into the document shape and writes it back', () => {
    const markup = '# Overskrift\n\nEn **fet** og _kursiv_ [lenke](https://ror-ikt.no) her.\nNy linje.\n\n- en\n- to\n\n1. første\n2. andre';
    const d = richTextFromMarkup(markup);
    expect(ZRichText.safeParse(d).success).toBe(true);
    expect(d.content.map((b) => b.type)).toEqual(['heading', 'paragraph', 'bulletList', 'orderedList']);
    expect(richTextToMarkup(d)).toBe(markup);
    expect(richTextToPlain(d)).toBe('Overskrift\n\nEn fet og kursiv lenke her.\nNy linje.\n\n- en\n- to\n\n1. første\n2. andre');
  });
  it('refuses nodes it does not know and links that are not web or mail addresses', () => {
    expect(ZRichText.safeParse({ type: 'doc', content: [{ type: 'html', text: '<b>' }] }).success).toBe(false);
    expect(ZRichText.safeParse(richTextFromMarkup('[x](javascript:alert)')).success).toBe(true);
    expect(richTextFromMarkup('[x](javascript:alert)').content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: '[x](javascript:alert)' }] });
  });
});

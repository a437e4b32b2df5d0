import { describe, expect, it } from 'vitest';
import { auditChanges } from './audit-changes';

describe('auditChanges', () => {
  it('lists only the fields an update changed, old and new', () => {
    expect(auditChanges({ title: 'Gammel', place: 'Molde', revision: 1 }, { title: 'Ny', place: 'Molde', revision: 2 })).toEqual([
      { field: 'title', before: 'Gammel', after: 'Ny' },
      { field: 'revision', before: 1, after: 2 },
    ]);
  });

  it('lists every field a create made and a delete removed', () => {
    expect(auditChanges(null, { title: 'Ny', published: false })).toEqual([{ field: 'title', after: 'Ny' }, { field: 'published', after: false }]);
    expect(auditChanges({ title: 'Borte' }, null)).toEqual([{ field: 'title', before: 'Borte' }]);
  });

  it('names a nested field by its path, and a field added or cleared by an update', () => {
    expect(auditChanges({ presentation: { archiveCode: '033', date: null } }, { presentation: { archiveCode: '034', date: null }, note: 'x' })).toEqual([
      { field: 'presentation.archiveCode', before: '033', after: '034' },
      { field: 'note', before: null, after: 'x' },
    ]);
  });

  it('takes a list edited whole as one change', () => {
    expect(auditChanges([{ id: 'a' }], [{ id: 'b' }])).toEqual([{ field: '', before: [{ id: 'a' }], after: [{ id: 'b' }] }]);
    expect(auditChanges([1], [1])).toEqual([]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});

// Decision 0024 checked over HTTP for one editable thing: an edit on the revision read goes through and
// counts it up; an edit on an older one is refused with 409 `stale` and `current: { revision }`, writing
// nothing; the revision is required; and of two edits sent at once on the same revision, one goes
// through and the other is refused.
import { expect } from 'vitest';
import { json, type TestClient } from './app.js';

export type TRevisedThing = {
  /** Its PATCH path. */
  path: string;
  /** Its revision and the edited field's value, as the API reads them now. */
  read: () => Promise<{ revision: number; value: unknown }>;
  /** Two different edits of that field, each with the value it leaves. */
  edits: [{ body: Record<string, unknown>; value: unknown }, { body: Record<string, unknown>; value: unknown }];
  /** The thing's revision in a successful PATCH's answer. */
  answered: (body: any) => number;
  /** Two sessions that may edit it: two browsers. */
  editors: [TestClient, TestClient];
};

export async function checkRevisionConvention(thing: TRevisedThing): Promise<void> {
  const [one, other] = thing.editors;
  const [first, second] = thing.edits;
  const { revision } = await thing.read();

  expect(thing.answered(await json(await one.patch(thing.path, { ...first.body, revision }), 200))).toBe(revision + 1);
  const refused = await json(await other.patch(thing.path, { ...second.body, revision }), 409);
  expect(refused.error).toMatchObject({ code: 'stale', current: { revision: revision + 1 } });
  expect(await thing.read()).toEqual({ revision: revision + 1, value: first.value });

  expect((await json(await one.patch(thing.path, second.body), 400)).error.fields).toEqual([{ path: 'revision', message: 'Må fylles ut' }]);

  const answers = await Promise.all([
    one.patch(thing.path, { ...second.body, revision: revision + 1 }),
    other.patch(thing.path, { ...first.body, revision: revision + 1 }),
  ]);
  expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  expect((await thing.read()).revision).toBe(revision + 2);
}

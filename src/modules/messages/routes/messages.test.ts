// The in-app messages over HTTP, on a real database: a reader lists their own messages (addressed to
// their e-mail, in any case of letters), newest first with the unread count, marks one read and unread
// again; nobody reads or marks another's (404, never 403: that would say it exists); 401 signed out,
// 400 for a bad id, body or limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, fieldsOf, json } from '../../../test/app.js';
import { startEquipment, type TEquipmentWorld } from '../../equipment/equipment-fixture.js';
import { EQUIPMENT_ACCOUNTS } from '../../equipment/test-factories.js';
import { sendMessage } from '../messages.service.js';

let w: TEquipmentWorld;
let first: string;
let second: string;
let aukras: string;
beforeAll(async () => {
  w = await startEquipment();
  const db = w.database.db;
  first = await sendMessage(db, { to: EQUIPMENT_ACCOUNTS.molde.toUpperCase(), subject: 'Første', text: 'Les meg', link: '/utstyr/bytte/1', source: 'test' });
  second = await sendMessage(db, { to: EQUIPMENT_ACCOUNTS.molde, subject: 'Andre', text: 'Les meg også', source: 'test' });
  aukras = await sendMessage(db, { to: EQUIPMENT_ACCOUNTS.aukra, subject: 'Til Aukra', text: 'Hemmelig', source: 'test' });
});
afterAll(() => w.database.drop());

type TMessage = { id: string; subject: string; readAt: string | null; link: string | null };

describe('in-app messages', () => {
  it('lists the reader’s own messages only, newest first, with the unread count', async () => {
    const mine = await call(w.molde, 'GET', '/api/messages', undefined, 200);
    expect(mine.unread).toBe(2);
    expect(mine.messages.map((m: TMessage) => m.subject)).toEqual(['Andre', 'Første']);
    expect(mine.messages[1]).toMatchObject({ id: first, link: '/utstyr/bytte/1', readAt: null, source: 'test' });
    expect((await call(w.aukra, 'GET', '/api/messages', undefined, 200)).messages.map((m: TMessage) => m.id)).toEqual([aukras]);
    expect(await call(w.staff, 'GET', '/api/messages', undefined, 200)).toEqual({ messages: [], unread: 0 });
    expect((await call(w.molde, 'GET', '/api/messages?limit=1', undefined, 200))).toMatchObject({ unread: 2, messages: [{ id: second }] });
    expect(fieldsOf(await json(await w.molde.get('/api/messages?limit=0'), 400))).toEqual(['limit']);
    expect((await json(await w.anon.get('/api/messages'), 401)).error.code).toBe('unauthorized');
  });

  it('marks a message read, keeps its first reading, and unread again', async () => {
    const path = `/api/messages/${first}/read`;
    const read = await call(w.molde, 'PUT', path, { read: true }, 200);
    expect(read.readAt).not.toBeNull();
    expect((await call(w.molde, 'PUT', path, { read: true }, 200)).readAt).toBe(read.readAt);
    expect((await call(w.molde, 'GET', '/api/messages', undefined, 200)).unread).toBe(1);
    expect((await call(w.molde, 'PUT', path, { read: false }, 200)).readAt).toBeNull();
    expect((await call(w.molde, 'GET', '/api/messages', undefined, 200)).unread).toBe(2);
  });

  it('refuses another’s message as unknown, a bad id or body, and a signed-out reader', async () => {
    expect((await json(await w.molde.put(`/api/messages/${aukras}/read`, { read: true }), 404)).error.code).toBe('not_found');
    expect((await json(await w.staff.put(`/api/messages/${aukras}/read`, { read: true }), 404)).error.code).toBe('not_found');
    expect((await call(w.aukra, 'GET', '/api/messages', undefined, 200)).unread).toBe(1);
    expect((await json(await w.molde.put('/api/messages/00000000-0000-4000-8000-000000000000/read', { read: true }), 404)).error.code).toBe('not_found');
    expect(fieldsOf(await json(await w.molde.put('/api/messages/ikke-en-id/read', { read: true }), 400))).toEqual(['id']);
    expect(fieldsOf(await json(await w.molde.put(`/api/messages/${first}/read`, { read: 'ja' }), 400))).toEqual(['read']);
    expect((await json(await w.anon.put(`/api/messages/${first}/read`, { read: true }), 401)).error.code).toBe('unauthorized');
  });
});

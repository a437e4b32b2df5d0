// Which code runs inside a database transaction, so work that must never hold one open can refuse to:
// a Typst render takes tens to hundreds of milliseconds, and on PGlite (one connection) a transaction
// held that long stops every other request (decision 0014). openDatabase marks the callback of every
// db.transaction, and the savepoints inside it, with this scope.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<true>();
const renderAllowed = new AsyncLocalStorage<true>();

/** True while the caller runs inside a db.transaction callback (its awaits included). */
export const inTransaction = (): boolean => scope.getStore() === true;

/** Whether a render may run here: outside a transaction, or inside the one exception below. */
export const mayRenderHere = (): boolean => !inTransaction() || renderAllowed.getStore() === true;

/**
 * The one exception: a load that runs before the server takes requests (the demo, all or nothing in
 * one transaction) has nobody to block, and renders the papers it stores inside its transaction.
 */
export function allowingRenderInTransaction<T>(work: () => Promise<T>): Promise<T> {
  return renderAllowed.run(true, work);
}

type TTransactional = { transaction: (work: (tx: never) => Promise<unknown>, ...rest: never[]) => Promise<unknown> };

/** Makes db.transaction run its callback inside the scope; the database is returned as it was typed. */
export function markTransactions<T>(db: T): T {
  const target = db as unknown as TTransactional;
  const transaction = target.transaction.bind(target);
  target.transaction = ((work: (tx: never) => Promise<unknown>, ...rest: never[]) =>
    transaction((tx: never) => scope.run(true, () => work(tx)), ...rest)) as TTransactional['transaction'];
  return db;
}

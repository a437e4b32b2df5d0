// What a page's address may carry after `?`: each reader takes the raw value and gives it back only when
// it is well-formed, so a hand-edited or stale address opens the page with that filter left out.

/** Non-blank text. */
export const searchText = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

/** A flag: present as 1 or true. */
export const searchFlag = (v: unknown) => (v === 1 || v === '1' || v === true ? true : undefined);

/** A year such as 2024. */
export const searchYear = (v: unknown) => (Number.isInteger(Number(v)) && Number(v) > 1900 ? Number(v) : undefined);

/** A date as YYYY-MM-DD. */
export const searchDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** A month as YYYY-MM. */
export const searchMonth = (v: unknown) => (typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : undefined);

/**
 * A route's validateSearch from a reader per key: `validateSearch: searchParams({ year: searchYear })`.
 * A key whose value its reader refuses is left out of the page's search.
 */
export function searchParams<T extends Record<string, (v: unknown) => unknown>>(readers: T) {
  return (search: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(readers).map(([key, read]) => [key, read(search[key])])) as { [K in keyof T]?: Exclude<ReturnType<T[K]>, undefined> };
}

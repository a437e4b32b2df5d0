// The pure rules of the PC table (seed 000 §2.1.1): when a PC expires, and what must be ordered.
import type { TMissingPurchaseAssumption } from './vocabulary.js';

/**
 * Without a rule of its own a municipality's PCs live five years from purchase: ICT equipment is written
 * off over at most five years (budsjett- og regnskapsforskriften § 3-4), and the papers rotate on it.
 */
export const DEFAULT_LIFECYCLE = { years: 5, whenPurchaseMissing: 'enrolled' as TMissingPurchaseAssumption };

/**
 * Må bestilles for one municipality and category: the expired and expiring PCs in use that neither the
 * stock nor the orders underway cover, never below zero. The Sum row adds the rows' figures, as the
 * paper does (seed 000: 1 182, where the columns' sums would give 936): a surplus of stock in one
 * municipality does not cover another's need.
 */
export function mustOrder(r: { expired: number; expiring: number; inStock: number; orderedNotDelivered: number }): number {
  return Math.max(0, r.expired + r.expiring - r.inStock - r.orderedNotDelivered);
}

/** The first day of the month a date lies in: '2023-11-28' → '2023-11-01'. */
export const monthOf = (isoDate: string) => `${isoDate.slice(0, 7)}-01`;

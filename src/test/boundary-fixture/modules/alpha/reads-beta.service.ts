// Deliberately wrong, for boundaries.test.ts: alpha reads beta's table, and sits in a cycle with cycle.ts.
import { betaTable } from '../beta/schema.js';
import { other } from './cycle.js';

export const readsBeta = () => `${betaTable.name}${other}`;

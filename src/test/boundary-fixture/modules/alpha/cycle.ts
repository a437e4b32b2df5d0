// Deliberately wrong, for boundaries.test.ts: the other half of a cycle.
import { readsBeta } from './reads-beta.service.js';

export const other = 'x';
export const again = () => readsBeta();

import { Foundation1763700000000 } from './1763700000000-foundation';

/** Applied in this order; a new migration is added at the end of this list. */
export const MIGRATIONS = [Foundation1763700000000];

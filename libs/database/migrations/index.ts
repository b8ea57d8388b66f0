import { Foundation1763700000000 } from './1763700000000-foundation';
import { Appeals1763700000001 } from './1763700000001-appeals';

/** Applied in this order; a new migration is added at the end of this list. */
export const MIGRATIONS = [Foundation1763700000000, Appeals1763700000001];

import type { ValueTransformer } from 'typeorm';

/** `bigint` money columns come back from pg as strings; minor units stay within Number.MAX_SAFE_INTEGER. */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

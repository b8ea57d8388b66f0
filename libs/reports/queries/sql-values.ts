/** How rows from `DataSource.query` become JSON values: pg returns bigint/numeric as strings. */

export const toNumber = (value: string | number): number => Number(value);

export const toIso = (value: Date): string => value.toISOString();

export const toIsoOrNull = (value: Date | null): string | null => (value ? value.toISOString() : null);

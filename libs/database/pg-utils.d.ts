// node-postgres converts parameters with this (untyped) helper; COPY rows reuse it so a value is
// written exactly as it would be bound.
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): string | Buffer | null | undefined;
}

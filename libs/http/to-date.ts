import { Transform } from 'class-transformer';

/**
 * A date-time field: a string is parsed into a Date (an unparseable one becomes an invalid Date that
 * @IsDate refuses); any other JSON value is left as sent, so @IsDate refuses it too. `@Type(() => Date)`
 * would instead hand it to `new Date()`, which takes a number as an epoch and throws a TypeError (a 500)
 * on an object such as `{"toString": 1}`.
 */
export const ToDate = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? new Date(value) : value));

import fc from 'fast-check';
import { encodeComponent, type OpenApiDocument, type OpenApiParameter } from './openapi';

type Schema = Record<string, unknown>;

/** What attackers and broken clients send: injections, traversals, invisible and control characters. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202eexe.pdf',
  '\u200b\u200c\u200d\u2060\ufeff',
  '\u0007\u0008\u001b[31m',
  '\r\n\r\nX-Injected: 1',
  "' OR '1'='1",
  "'; DROP TABLE appeals; --",
  '1; SELECT pg_sleep(5)--',
  '" OR ""="',
  '$1',
  '%s%s%s%n',
  '${process.env}',
  '{{constructor.constructor("return process")()}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/dev/zero',
  'file:///etc/shadow',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '\ud800',
  '\udfff\ud800',
  '𝕏'.repeat(300),
  'é'.repeat(5000),
];

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Strings of every kind: arbitrary code points (lone surrogates too), hostile ones, and long ones. */
export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('a', '\u202e', "'", '𝕏', '\u0000'), fc.integer({ min: 1000, max: 120_000 }))
        .map(([c, n]) => c.repeat(n)),
    },
  );

/** Numbers a JSON parser accepts and code may not expect: negative zero, huge, fractional, unsafe. */
export const hostileNumber = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53) - 2, 1e308, -1e308, 5e-324),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );

/** Any JSON value, with prototype-polluting keys among the object keys. */
export const hostileJson = (): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      hostileString(),
      hostileNumber(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })), tie('value'), {
        maxKeys: 4,
      }),
    ),
  })).value;

/** Raw JSON texts no generator builds: deep nesting and prototype pollution as literal keys. */
export const HOSTILE_JSON_TEXTS: readonly string[] = [
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
  '{"__proto__":{"isAdmin":true,"roles":["admin"]}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1,"a":2}',
  '[]',
  '"just a string"',
  'null',
  '0',
  '{"x":1e999999}',
  '{"x":"\\ud800"}',
];

function resolve(schema: Schema, doc: OpenApiDocument): Schema {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    return resolve((doc.components?.schemas?.[name] ?? {}) as Schema, doc);
  }
  const allOf = schema.allOf as Schema[] | undefined;
  if (allOf?.length) {
    const { allOf: _, ...rest } = schema;
    return { ...allOf.reduce<Schema>((merged, s) => ({ ...merged, ...resolve(s, doc) }), {}), ...rest };
  }
  return schema;
}

export interface FuzzContext {
  doc: OpenApiDocument;
  /** Ids of rows that exist, so that generated requests reach past the 404s. */
  knownIds: readonly string[];
}

/** For URLs: most hostile strings, cut to a length a server takes in a request line (16 KiB headers). */
const urlString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 20, arbitrary: hostileString().map((s) => s.slice(0, 2000)) },
    { weight: 1, arbitrary: hostileString() },
  );

/** An id: one that exists, any UUID, or something that is no UUID at all. */
export const idValue = (ctx: FuzzContext): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: ctx.knownIds.length ? fc.constantFrom(...ctx.knownIds) : fc.uuid() },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: urlString() },
  );

/**
 * A value that mostly follows the schema (so a request can get past validation and into the
 * use-cases), and sometimes does not (wrong type, hostile content, missing or unknown fields).
 */
export function fromSchema(schemaIn: Schema, ctx: FuzzContext, depth = 0): fc.Arbitrary<unknown> {
  const valid = validFromSchema(resolve(schemaIn, ctx.doc), ctx, depth);
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: hostileJson() });
}

function validFromSchema(schema: Schema, ctx: FuzzContext, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.oneOf) && schema.oneOf.length)
    return fc.oneof(...(schema.oneOf as Schema[]).map((s) => fromSchema(s, ctx, depth)));
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as unknown[]));
  const min = typeof schema.minimum === 'number' ? schema.minimum : -1000;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
  switch (schema.type) {
    case 'integer':
    case 'number':
      return fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3
        ? fc.constant([])
        : fc.array(fromSchema((schema.items ?? {}) as Schema, ctx, depth + 1), { maxLength: 3 });
    case 'object':
      return objectFromSchema(schema, ctx, depth);
    default:
      return stringFromSchema(schema, ctx);
  }
}

/** Single characters that break naive code when they turn up inside an otherwise valid value. */
const SPIKES = ['\u0000', '\ud800', '\u202e', '\u200b', "'", '"', '\\', '%', '../', '\u0007', '\r\n', '𝕏'];

function stringFromSchema(schema: Schema, ctx: FuzzContext): fc.Arbitrary<unknown> {
  if (schema.format === 'uuid') return idValue(ctx);
  if (schema.format === 'date-time' || schema.format === 'date')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
      .map((d) => (schema.format === 'date' ? d.toISOString().slice(0, 10) : d.toISOString()));
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : 60;
  const plain = fc.string({ minLength, maxLength: Math.min(Math.max(maxLength, minLength), 60) });
  // a realistic value (the documented example, padded to the minimum length) with one spike inside
  const realistic =
    typeof schema.example === 'string' ? fc.constant(schema.example.padEnd(minLength, '.')) : plain;
  const spiked = fc.tuple(realistic, fc.constantFrom(...SPIKES), fc.nat()).map(([text, spike, at]) => {
    const i = at % (text.length + 1);
    return `${text.slice(0, i)}${spike}${text.slice(i)}`;
  });
  return fc.oneof(
    { weight: 3, arbitrary: plain },
    { weight: 3, arbitrary: realistic },
    { weight: 2, arbitrary: spiked },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength, maxLength: Math.max(minLength, 30) }) },
  );
}

function objectFromSchema(schema: Schema, ctx: FuzzContext, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = (schema.required ?? []) as string[];
  if (Object.keys(properties).length === 0 || depth > 3)
    return fc.dictionary(fc.string({ maxLength: 8 }), hostileJson(), { maxKeys: 3 });
  const record = fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([name, s]) => [name, fromSchema(s, ctx, depth + 1)]),
    ) as Record<string, fc.Arbitrary<unknown>>,
    // required fields are usually there; sometimes one is missing
    { requiredKeys: [] },
  );
  const withRequired = fc
    .tuple(
      record,
      fc.record(
        Object.fromEntries(
          required.map((name) => [name, fromSchema(properties[name] ?? {}, ctx, depth + 1)]),
        ),
      ),
      fc.boolean(),
    )
    .map(([some, needed, keepAll]) => (keepAll ? { ...some, ...needed } : some));
  const extra = fc.dictionary(
    fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })),
    hostileJson(),
    { maxKeys: 2 },
  );
  return fc.oneof(
    { weight: 5, arbitrary: withRequired },
    {
      weight: 1,
      arbitrary: fc.tuple(withRequired, extra).map(([body, more]) => assignRaw(body as object, more)),
    },
  );
}

/** Object.assign would invoke the __proto__ setter; a client's JSON has it as a plain key. */
function assignRaw(target: object, extra: Record<string, unknown>): object {
  const out: Record<string, unknown> = { ...target };
  for (const [k, v] of Object.entries(extra)) Object.defineProperty(out, k, { value: v, enumerable: true });
  return out;
}

/** A query string for the route's parameters: valid-ish values, hostile values, repeats and extras. */
export function queryString(params: OpenApiParameter[], ctx: FuzzContext): fc.Arbitrary<string> {
  const pair = (name: string, value: fc.Arbitrary<unknown>) =>
    value.map((v) => {
      const text = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
      return `${encodeComponent(name)}=${encodeComponent(text.slice(0, 4000))}`;
    });
  const known = params.map((p) =>
    fc.option(pair(p.name, fromSchema(p.schema ?? {}, ctx)), { nil: undefined }),
  );
  const raw = fc.constantFrom(
    'limit=0',
    'limit=201',
    'limit=-1',
    'limit=1e3',
    'limit=1&limit=2',
    'limit[]=1',
    'limit[$gt]=1',
    'cursor=%ZZ',
    'cursor=%00',
    '__proto__[polluted]=1',
    'constructor[prototype][polluted]=1',
    'a=%E0%A4%A',
    `x=${'a'.repeat(8000)}`,
    '&&&',
    '=',
  );
  return fc
    .tuple(
      fc.tuple(...known),
      fc.array(raw, { maxLength: 2 }),
      fc.array(pair('x', urlString()), { maxLength: 1 }),
    )
    .map(([k, r, x]) => [...k.filter((s): s is string => s !== undefined), ...r, ...x].join('&'));
}

const HEADER_CHARS = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)),
  fc.constant('\t'),
);

/** Header values HTTP allows on the wire (no CR, LF or NUL), including obs-text bytes. */
export const headerValue = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: HEADER_CHARS, maxLength: 40 }),
    fc.constantFrom(
      '"1"',
      '"0"',
      'W/"1"',
      '*',
      '"-1"',
      '"99999999999999999999"',
      '',
      'a'.repeat(300),
      "' OR 1=1 --",
    ),
  );

/** Extra request headers: the ones the API reads, with good and bad values. */
export const hostileHeaders = (): fc.Arbitrary<Record<string, string>> =>
  fc.record(
    {
      'Idempotency-Key': fc.oneof(fc.uuid(), headerValue()),
      'If-Match': headerValue(),
      'X-Request-Id': fc.oneof(fc.uuid(), headerValue()),
      'X-Forwarded-For': fc.oneof(fc.constantFrom('1.2.3.4', '::1', 'not-an-ip, 999.999.1.1'), headerValue()),
      Accept: fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*'), headerValue()),
      'Accept-Language': headerValue(),
    },
    { requiredKeys: [] },
  );

/** Content-Type values to send a body under (the route may expect another). */
export const contentType = (expected: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(expected) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'application/json; charset=utf-16',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'multipart/form-data; boundary=',
        'application/xml',
        'application/json; charset=latin1',
        'garbage',
      ),
    },
  );

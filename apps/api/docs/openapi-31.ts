/**
 * Rewrites the OpenAPI 3.0 forms @nestjs/swagger emits into their OpenAPI 3.1 (JSON Schema 2020-12)
 * forms, so that JSON-schema tools read the document as it is meant: `nullable: true` becomes a `type`
 * array with "null" (or an `anyOf` with `{ type: "null" }` around a reference or a composition), and a
 * schema's `example` becomes `examples: [example]`.
 */
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const SUBSCHEMA = ['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs'];
/** Kept beside an `anyOf` wrapper: they describe the property, not one branch of it. */
const ANNOTATIONS = ['description', 'title', 'deprecated', 'readOnly', 'writeOnly', 'default', 'examples'];

const mapValues = (map: Json, f: (v: unknown) => unknown): Json =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k, f(v)]));

export function toSchema31(input: unknown): unknown {
  if (!isObject(input)) return input;
  const { nullable, example, ...rest } = input;
  const schema: Json = { ...rest };
  for (const key of SUBSCHEMA) if (isObject(schema[key])) schema[key] = toSchema31(schema[key]);
  for (const key of SUBSCHEMA_LISTS)
    if (Array.isArray(schema[key])) schema[key] = (schema[key] as unknown[]).map(toSchema31);
  for (const key of SUBSCHEMA_MAPS)
    if (isObject(schema[key])) schema[key] = mapValues(schema[key], toSchema31);
  if (example !== undefined && schema.examples === undefined) schema.examples = [example];
  return nullable === true ? orNull(schema) : schema;
}

function orNull(schema: Json): Json {
  const composed = schema.$ref !== undefined || SUBSCHEMA_LISTS.some((k) => schema[k] !== undefined);
  if (!composed) {
    const type = schema.type;
    const out: Json = { ...schema };
    if (type !== undefined) out.type = [...(Array.isArray(type) ? type : [type]), 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
    return out;
  }
  const annotations: Json = {};
  const core: Json = {};
  for (const [k, v] of Object.entries(schema)) (ANNOTATIONS.includes(k) ? annotations : core)[k] = v;
  delete core.type; // `type: object` beside an allOf of one $ref says nothing the reference does not
  const only = Object.keys(core);
  const branch =
    only.length === 1 && only[0] === 'allOf' && (core.allOf as unknown[]).length === 1
      ? (core.allOf as Json[])[0]
      : core;
  return { ...annotations, anyOf: [branch, { type: 'null' }] };
}

const convertContent = (content: unknown): unknown =>
  isObject(content)
    ? mapValues(content, (media) =>
        isObject(media) && media.schema !== undefined
          ? { ...media, schema: toSchema31(media.schema) }
          : media,
      )
    : content;

const convertHeaders = (headers: unknown): unknown =>
  isObject(headers)
    ? mapValues(headers, (h) =>
        isObject(h) && h.schema !== undefined ? { ...h, schema: toSchema31(h.schema) } : h,
      )
    : headers;

function convertOperation(op: Json): Json {
  const out: Json = { ...op };
  if (Array.isArray(op.parameters))
    out.parameters = op.parameters.map((p: Json) =>
      p.schema !== undefined ? { ...p, schema: toSchema31(p.schema) } : p,
    );
  if (isObject(op.requestBody))
    out.requestBody = { ...op.requestBody, content: convertContent(op.requestBody.content) };
  if (isObject(op.responses))
    out.responses = mapValues(op.responses, (r) =>
      isObject(r) ? { ...r, content: convertContent(r.content), headers: convertHeaders(r.headers) } : r,
    );
  return dropUndefined(out);
}

function dropUndefined<T extends Json>(o: T): T {
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) delete o[k];
    else if (isObject(v)) dropUndefined(v);
  }
  return o;
}

const convertPathItems = (items: unknown): unknown =>
  isObject(items)
    ? mapValues(items, (item) =>
        isObject(item) ? mapValues(item, (op) => (isObject(op) ? convertOperation(op) : op)) : item,
      )
    : items;

/** The whole document in its 3.1 form: schemas wherever they appear, and `openapi: 3.1.0`. */
export function toOpenApi31<T extends object>(document: T): T {
  const doc = document as Json;
  const components = isObject(doc.components) ? doc.components : {};
  return {
    ...doc,
    openapi: '3.1.0',
    paths: convertPathItems(doc.paths),
    ...(doc.webhooks ? { webhooks: convertPathItems(doc.webhooks) } : {}),
    components: {
      ...components,
      ...(isObject(components.schemas) ? { schemas: mapValues(components.schemas, toSchema31) } : {}),
      ...(isObject(components.headers) ? { headers: convertHeaders(components.headers) } : {}),
    },
  } as T;
}

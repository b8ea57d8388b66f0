/**
 * Gives every JSON answer of the document an example, built from its schema: a property's own
 * `examples` first, else a value its type, format or enum implies. One generator keeps the examples
 * true to the schemas (Redocly checks each against its schema) without writing one per route.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FORMATS: Record<string, unknown> = {
  uuid: '3f0c9a52-8d1e-4b7a-9c2f-5e6d7a8b9c0d',
  'date-time': '2026-01-15T09:30:00.000Z',
  email: 'person@example.com',
  uri: 'https://redress.dev/problems/validation-failed',
  'uri-reference': '/v1/appeals/3f0c9a52-8d1e-4b7a-9c2f-5e6d7a8b9c0d',
  binary: undefined,
};

const firstType = (type: unknown): string | undefined =>
  Array.isArray(type) ? type.find((t) => t !== 'null') : (type as string | undefined);

export function exampleOf(schema: Json | undefined, schemas: Json, depth = 0): unknown {
  if (!schema || depth > 24) return undefined; // deep enough for every schema here, and ends a cycle
  if (schema.$ref) return exampleOf(schemas[String(schema.$ref).split('/').pop()!], schemas, depth + 1);
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum.find((v: unknown) => v !== null);
  for (const key of ['oneOf', 'anyOf', 'allOf'])
    if (Array.isArray(schema[key]))
      return exampleOf(
        schema[key].find((s: Json) => s.type !== 'null'),
        schemas,
        depth + 1,
      );
  switch (firstType(schema.type) ?? (schema.properties ? 'object' : undefined)) {
    case 'object':
      return Object.fromEntries(
        Object.entries((schema.properties ?? {}) as Json)
          .map(([name, property]) => [name, exampleOf(property, schemas, depth + 1)])
          .filter(([, value]) => value !== undefined),
      );
    case 'array': {
      const item = exampleOf(schema.items, schemas, depth + 1);
      return item === undefined ? [] : [item];
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      return schema.format in FORMATS ? FORMATS[schema.format] : 'string';
    default:
      return undefined;
  }
}

/** Sets `example` on each JSON (or CSV, PEM, text) answer that has none. */
export function documentResponseExamples(document: Json): void {
  const schemas = document.components.schemas;
  for (const item of Object.values(document.paths as Json))
    for (const op of Object.values(item as Json))
      for (const response of Object.values(op.responses as Json))
        for (const media of Object.values((response.content ?? {}) as Json)) {
          if (media.example !== undefined || media.examples !== undefined) continue;
          const example = exampleOf(media.schema, schemas);
          if (example !== undefined) media.example = example;
        }
}

import { LOCATION_EXTENSION } from '@redress/http';

/**
 * The response headers the HTTP conventions of libs/http add, documented on every answer that carries
 * them. They follow from what the document already says of a route (an Idempotency-Key parameter, a 429
 * answer, a versioned body), so they are added here once rather than repeated on each route.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const integer = { type: 'integer', minimum: 0 };

export const RESPONSE_HEADERS: Record<string, Json> = {
  'X-Request-Id': {
    description: 'The request’s id, kept from the request when valid: quote it when asking about a request',
    schema: { type: 'string', example: '9b2f6c1e-4d3a-4f5b-8c7d-1e2f3a4b5c6d' },
  },
  ETag: {
    description: 'The resource’s version, `"<version>"`: send it back as If-Match to change it safely',
    schema: { type: 'string', example: '"3"' },
  },
  'Idempotent-Replayed': {
    description:
      'Present (`true`) when this is the stored answer to an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
  Location: {
    description: 'Where the created resource is read',
    schema: {
      type: 'string',
      format: 'uri-reference',
      example: '/v1/appeals/0d9e2c4b-5a6f-4e7d-8c9b-1a2b3c4d5e6f',
    },
  },
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { ...integer, example: 42 },
  },
  'X-RateLimit-Limit': {
    description:
      'Requests allowed per window: appellant writes (RATE_LIMIT_PER_MINUTE), access-link requests (per hour)',
    schema: { ...integer, example: 30 },
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in this window (appellant writes, or access-link requests)',
    schema: { ...integer, example: 29 },
  },
  'X-RateLimit-Reset': {
    description: 'Seconds until the window ends',
    schema: { ...integer, example: 42 },
  },
};

const RATE_LIMIT = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];
const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
const is2xx = (status: string) => /^2/.test(status);

/** Whether a JSON answer's schema (or each of its views) is a resource with a `version`: the ETag interceptor's rule. */
function isVersioned(schema: Json | undefined, schemas: Json): boolean {
  if (!schema) return false;
  if (schema.$ref) return isVersioned(schemas[String(schema.$ref).split('/').pop()!], schemas);
  if (schema.oneOf) return (schema.oneOf as Json[]).every((s) => isVersioned(s, schemas));
  return schema.properties?.version !== undefined && (schema.required ?? []).includes('version');
}

function headersOf(status: string, response: Json, op: Json, schemas: Json): string[] {
  const names = ['X-Request-Id'];
  const params: Json[] = op.parameters ?? [];
  const rateLimited = op.responses['429'] !== undefined;
  if (is2xx(status) && params.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'))
    names.push('Idempotent-Replayed');
  if (status === '201' && op[LOCATION_EXTENSION]) names.push('Location');
  if (is2xx(status) && isVersioned(response.content?.['application/json']?.schema, schemas))
    names.push('ETag');
  if (status === '429' || status === '503') names.push('Retry-After');
  if (rateLimited && (is2xx(status) || status === '429')) names.push(...RATE_LIMIT);
  return names;
}

/** Adds the header components and refers every answer to those it carries. */
export function documentResponseHeaders(document: Json): void {
  document.components.headers = { ...document.components.headers, ...RESPONSE_HEADERS };
  for (const item of Object.values(document.paths as Json))
    for (const op of Object.values(item as Json)) {
      for (const [status, response] of Object.entries(op.responses as Json))
        response.headers = {
          ...response.headers,
          ...Object.fromEntries(
            headersOf(status, response, op, document.components.schemas).map((n) => [n, ref(n)]),
          ),
        };
      delete op[LOCATION_EXTENSION];
    }
}

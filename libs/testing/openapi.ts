import type TestAgent from 'supertest/lib/agent';

export const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The parts of an OpenAPI 3.1 document the hardening suites read. */
export interface OpenApiDocument {
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components?: { schemas?: Record<string, unknown> };
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
}

export interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema?: Record<string, unknown> }> };
  responses: Record<
    string,
    { content?: Record<string, { schema?: Record<string, unknown> }>; headers?: Record<string, unknown> }
  >;
  security?: unknown[];
}

export interface Route {
  method: HttpMethod;
  /** OpenAPI template, e.g. `/v1/appeals/{id}`. */
  path: string;
  /** `GET /v1/appeals/{id}`: how the authorisation table names the route. */
  key: string;
  operation: OpenApiOperation;
}

/** The live document the API serves, so a test sees exactly the routes that exist. */
export async function fetchOpenApi(http: TestAgent): Promise<OpenApiDocument> {
  const res = await http.get('/docs-json');
  if (res.status !== 200) throw new Error(`GET /docs-json answered ${res.status}`);
  return res.body as OpenApiDocument;
}

export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

export function listRoutes(doc: OpenApiDocument): Route[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      method,
      path,
      key: routeKey(method, path),
      operation: item[method]!,
    })),
  );
}

/** encodeURIComponent for any string: lone surrogates (which it refuses) become U+FFFD first. */
export const encodeComponent = (value: string): string =>
  encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8'));

/** Replaces every `{param}` of the template with `value` (URL-encoded unless `raw`). */
export function fillPath(path: string, value: string | ((name: string) => string), raw = false): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = typeof value === 'function' ? value(name) : value;
    return raw ? v : encodeComponent(v);
  });
}

export const queryParameters = (route: Route): OpenApiParameter[] =>
  (route.operation.parameters ?? []).filter((p) => p.in === 'query');

export const requestContentTypes = (route: Route): string[] =>
  Object.keys(route.operation.requestBody?.content ?? {});

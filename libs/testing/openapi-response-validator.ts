import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenApiDocument, Route } from './openapi';

/** `#/components/schemas/X` is registered as `urn:openapi:components:schemas:X`: an absolute id, so refs resolve from anywhere. */
const idOf = (ref: string): string => `urn:openapi${ref.slice(1).replace(/\//g, ':')}`;

/**
 * The document's schemas as a JSON-schema validator should read them: local refs
 * (`#/components/schemas/...`) name the component schemas registered under their path, and an object with listed properties has no
 * others, so a field the document does not name (an internal one leaking out, or one nobody
 * documented) fails the check.
 */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? idOf(v) : rebase(v),
    ]),
  );
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/**
 * Checks a JSON (or problem+json) body against the schema the OpenAPI 3.1 document gives for that route and status, with
 * Ajv's JSON Schema 2020-12 validator in strict mode and with discriminators, as a strict client would.
 */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction | null>();

  constructor(doc: OpenApiDocument) {
    this.ajv = new Ajv2020({ strict: true, discriminator: true, allErrors: true });
    addFormats(this.ajv);
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {}))
      this.ajv.addSchema(rebase(schema) as object, idOf(`#/components/schemas/${name}`));
  }

  /** Undefined when the body matches, else a description of what does not. */
  check(route: Route, status: number, body: unknown, mediaType = 'application/json'): string | undefined {
    const key = `${route.key} ${status} ${mediaType}`;
    if (!this.compiled.has(key)) {
      const schema = route.operation.responses[String(status)]?.content?.[mediaType]?.schema;
      this.compiled.set(key, schema ? this.ajv.compile(rebase(schema) as object) : null);
    }
    const validate = this.compiled.get(key);
    if (validate === null) return `${key}: no JSON schema documented for this status`;
    if (validate!(body)) return undefined;
    return `${key}: ${this.ajv.errorsText(validate!.errors, { separator: '; ' }).slice(0, 500)}`;
  }
}

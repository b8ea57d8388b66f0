import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenApiDocument, Route } from './openapi';

const DOCUMENT_ID = 'openapi-document';

/**
 * The document's schemas as a JSON-schema validator should read them: local refs (`#/components/...`)
 * point at the document registered under DOCUMENT_ID; OpenAPI 3.0 `nullable: true` means "or null"
 * whatever else the schema says (Ajv's own `nullable` only widens `type`, not an `allOf` of a ref); and
 * an object with listed properties has no others, so a field the document does not name (an internal
 * one leaking out, or one nobody documented) fails the check.
 */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const out: Record<string, unknown> = Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${DOCUMENT_ID}${v}` : rebase(v),
    ]),
  );
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/**
 * Checks a 2xx JSON body against the schema the OpenAPI document gives for that route and status.
 */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction | null>();

  constructor(doc: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema(rebase({ components: doc.components ?? {} }) as object, DOCUMENT_ID);
  }

  /** Undefined when the body matches, else a description of what does not. */
  check(route: Route, status: number, body: unknown): string | undefined {
    const key = `${route.key} ${status}`;
    if (!this.compiled.has(key)) {
      const schema = route.operation.responses[String(status)]?.content?.['application/json']?.schema;
      this.compiled.set(key, schema ? this.ajv.compile(rebase(schema) as object) : null);
    }
    const validate = this.compiled.get(key);
    if (validate === null) return `${key}: no JSON schema documented for this status`;
    if (validate!(body)) return undefined;
    return `${key}: ${this.ajv.errorsText(validate!.errors, { separator: '; ' }).slice(0, 500)}`;
  }
}

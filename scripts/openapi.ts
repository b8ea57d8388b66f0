import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApiDocument, openApiText } from '../apps/api/docs/generate-openapi';
import { OPENAPI_PATH } from '../apps/api/docs/openapi-document';

/**
 * `npm run openapi`: writes docs/openapi.json, the document the API serves at /docs-json, under one
 * fixed configuration. test/openapi-document.e2e-spec.ts fails when the two differ.
 */
async function main(): Promise<void> {
  const path = join(process.cwd(), OPENAPI_PATH); // npm runs scripts from the repository root
  writeFileSync(path, openApiText(await generateOpenApiDocument()));
  process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`openapi: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

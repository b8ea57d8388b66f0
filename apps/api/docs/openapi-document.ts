import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { packageVersion } from '@redress/config';
import { PROBLEM_SCHEMA, PROBLEM_SCHEMA_NAME, problemExamples } from '@redress/http';
import { documentResponseExamples } from './response-examples';
import { documentResponseHeaders } from './openapi-headers';
import { toOpenApi31 } from './openapi-31';
import { webhookDocuments } from './webhooks';

/** Where the committed copy lives; the e2e suite fails when it differs from what the API serves. */
export const OPENAPI_PATH = 'docs/openapi.json';
export const REGENERATE_OPENAPI = 'npm run openapi';

const TAGS: [string, string][] = [
  ['suspensions', 'Suspensions pushed in by enforcement systems, one or 10,000 at a time; their lift'],
  ['waves', 'Ban waves: suspensions decided together, and the jobs that decide them'],
  [
    'detectors',
    'Detector versions: error estimates with 95 % intervals, and sampled review of people who never appealed',
  ],
  [
    'access',
    'One-time access links e-mailed to account holders, and the access tokens they are exchanged for',
  ],
  ['appeals', 'Appeals filed by account holders, their messages and history'],
  ['review', 'The review queue and the state machine reviewers move appeals through'],
  ['reviewer tools', 'Macros, an account’s history beside a case, and search by any identifier'],
  ['evidence', 'Files attached to appeals'],
  ['refunds', 'Refunds of frozen balances, under four-eyes control'],
  ['finance', 'The double-entry ledger and the reconciliation export'],
  ['notifications', 'The in-app inbox and the delivery log of notices'],
  ['reports', 'Transparency report, statements of reasons, personal data export'],
  ['dsa', 'Submission of statements of reasons to the DSA Transparency Database, and their export'],
  ['audit', 'The hash-chained audit log, its verification and signed checkpoints'],
  ['operations', 'Health and metrics, without a token'],
  ['webhooks', 'What Redress POSTs to the notification, platform and payout receivers'],
];

const DESCRIPTION =
  'Account-ban appeals: suspensions, appeals and their review, evidence, refunds on a double-entry ledger, ' +
  'notices and an audit log. Every /v1 route but the access links takes `Authorization: Bearer <JWT>`; errors are RFC 9457 ' +
  'problem+json with a stable `code`. Creating POSTs accept `Idempotency-Key`; mutable resources carry ' +
  '`version` (also as ETag) and accept `If-Match`; lists are cursor-paged. The conventions are in docs/api.md.';

/**
 * The OpenAPI 3.1 document of the API in `app`. Nothing in it reads the configuration: the routes that
 * exist only in some environments are left out of it (the development sign-in), so every environment
 * serves the same document, the one committed at docs/openapi.json.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Redress API')
    .setDescription(DESCRIPTION)
    .setVersion(packageVersion())
    .addServer('http://127.0.0.1:3000', 'A local `npm start`')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, where it is set' },
      'metricsToken',
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build()) as OpenAPIObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const { schemas, webhooks } = webhookDocuments();
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA_NAME]: PROBLEM_SCHEMA, ...schemas },
    examples: problemExamples(),
  };
  document.webhooks = webhooks;
  document.info.contact = { name: 'Redress maintainers' };
  // package.json says UNLICENSED: no SPDX licence applies, so the identifier is a LicenseRef.
  document.info.license = {
    name: 'UNLICENSED (proprietary: no licence is granted)',
    identifier: 'LicenseRef-UNLICENSED', // OpenAPI 3.1's SPDX field, which @nestjs/swagger's types do not know
  } as OpenAPIObject['info']['license'];
  documentResponseHeaders(document);
  const v31 = toOpenApi31(document);
  documentResponseExamples(v31);
  return v31;
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Swagger UI at /docs, the OpenAPI 3 document at /docs-json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Redress API')
    .setDescription(
      'Account-ban appeals case management. Every /v1 route takes `Authorization: Bearer <JWT>`; errors are RFC 9457 problem+json with a stable `code`. ' +
        'Creating POSTs accept `Idempotency-Key`; mutable resources carry `version` (also as ETag) and accept `If-Match`. Lists are cursor-paged.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiModule } from '../api.module';
import { buildOpenApiDocument } from './openapi-document';

/**
 * The configuration `npm run openapi` generates under. The document does not depend on it; it only has
 * to let the module graph build (a preview app instantiates nothing, so no database is needed).
 */
export const OPENAPI_GENERATION_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  AUTH_JWT_SECRET: 'openapi-generation-only-never-signs-anything',
};

/** The document of the API module built with `env`, from a preview app: routes and metadata, no connections. */
export async function generateOpenApiDocument(
  env: Record<string, string> = OPENAPI_GENERATION_ENV,
): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule.forRoot(env), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The committed file's text: two-space JSON and a final newline. */
export const openApiText = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;

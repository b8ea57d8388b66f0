import {
  createParamDecorator,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { Multipart } from '@fastify/multipart';
import { AppConfig } from '@redress/config';
import { UploadEvidenceUseCase, type ReceivedFile, type UploadPart } from '@redress/evidence';
import { DomainError, type Actor } from '@redress/kernel';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream/promises';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { IdParam } from '../common/id-param';
import { evidenceUploadOptions } from './evidence-upload.options';

const receivedFiles = new WeakMap<FastifyRequest, ReceivedFile>();

/** The upload's spooled file part, as EvidenceUploadInterceptor received it; absent when there was none. */
export const ReceivedEvidenceFile = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ReceivedFile | undefined =>
    receivedFiles.get(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

/**
 * Reads the whole multipart body of an upload before anything else looks at it: the file part is
 * spooled while the parts after it are read too, and the text parts, wherever they came, become
 * `request.body`, where the Idempotency-Key's hash and the DTO's validation see all of them.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor, OnModuleInit {
  private readonly options: ReturnType<typeof evidenceUploadOptions>;

  constructor(
    private readonly uploads: UploadEvidenceUseCase,
    private readonly adapterHost: HttpAdapterHost,
    config: AppConfig,
  ) {
    this.options = evidenceUploadOptions(config.env.EVIDENCE_MAX_BYTES);
  }

  /** The FastifyAdapter registers @fastify/multipart only once something asks for it. */
  onModuleInit(): void {
    (this.adapterHost.httpAdapter as FastifyAdapter).useMultipart();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor: Actor }>();
    // Any other body goes on as it is, for the handler to answer that the file is missing.
    if (!request.isMultipart()) return next.handle();
    let file: ReceivedFile | undefined;
    try {
      // the route's own pipe, so that a malformed id is the same 404 here as in the handler
      const { id } = request.params as { id: string };
      const appealId = (await IdParam.transform(id, { type: 'param' })) as string;
      const upload = await this.uploads.receive(request.actor, appealId, formParts(request, this.options));
      request.body = upload.fields;
      file = upload.file;
    } catch (error) {
      // A client still sending when the answer comes would fail (EPIPE) before reading it.
      await drain(request.raw);
      throw error;
    }
    if (file) receivedFiles.set(request, file);
    // The spooled file lasts as long as the request, whatever the answer (a replay or a 400 included).
    return from(lastValueFrom(next.handle()).finally(() => file?.discard()));
  }
}

async function* formParts(
  request: FastifyRequest,
  options: ReturnType<typeof evidenceUploadOptions>,
): AsyncIterable<UploadPart> {
  try {
    for await (const part of request.parts(options)) yield toUploadPart(part);
  } catch (error) {
    throw asClientError(error);
  }
}

function toUploadPart(part: Multipart): UploadPart {
  if (part.type === 'file') {
    return {
      kind: 'file',
      name: part.fieldname,
      fileName: decodeFormName(part.filename),
      content: part.file,
    };
  }
  // busboy cuts a field at its size limit without failing; a cut value must not pass for the one sent.
  if (part.fieldnameTruncated || part.valueTruncated) {
    throw new DomainError('validation_failed', `The field ${part.fieldname} is too long`, [
      { field: part.fieldname, message: 'is too long' },
    ]);
  }
  return { kind: 'field', name: part.fieldname, value: part.value };
}

// Browsers escape these three characters in form-data names (WHATWG HTML's multipart encoding).
const decodeFormName = (name: string | undefined) => name?.replace(/%0A|%0D|%22/gi, decodeURIComponent);

/**
 * The parser's count and size limits (413s) keep their own problem mapping; whatever else it raises
 * is a body that is not well-formed multipart, the client's doing.
 */
function asClientError(error: unknown): unknown {
  if (error instanceof DomainError || (error as { statusCode?: unknown }).statusCode === 413) return error;
  return new DomainError('validation_failed', `The multipart body is malformed: ${(error as Error).message}`);
}

/** Reads the rest of the body into nothing, detached from the parser. */
async function drain(raw: IncomingMessage): Promise<void> {
  raw.unpipe();
  raw.resume();
  await finished(raw).catch(() => undefined);
}

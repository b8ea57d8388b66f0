import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

const LOCATION_TEMPLATE = 'redress:location-template';
/** Tells the OpenAPI document's post-processing which 201 answers carry `Location` (it then drops the extension). */
export const LOCATION_EXTENSION = 'x-redress-location';

/** Sets `Location` on a 201 whose body has an `id`, from the route's template (`/v1/appeals/{id}`). */
@Injectable()
export class CreatedLocationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const template = this.reflector.get<string>(LOCATION_TEMPLATE, context.getHandler());
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const id = (body as { id?: unknown } | null)?.id;
        if (reply.statusCode === 201 && typeof id === 'string')
          reply.header('Location', template.replace('{id}', encodeURIComponent(id)));
        return body;
      }),
    );
  }
}

/**
 * A creating route whose resource can be fetched at `template`. List it above @Idempotent: the
 * interceptor then runs inside the idempotency one, which stores the header for replays.
 */
export const CreatedAt = (template: string) =>
  applyDecorators(
    SetMetadata(LOCATION_TEMPLATE, template),
    UseInterceptors(CreatedLocationInterceptor),
    ApiExtension(LOCATION_EXTENSION, template),
  );

import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { EtagInterceptor } from './etag';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency.store';
import { ProblemFilter } from './problem.filter';

@Global()
@Module({
  providers: [
    IdempotencyStore,
    IdempotencyInterceptor,
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_INTERCEPTOR, useClass: EtagInterceptor },
  ],
  exports: [IdempotencyStore, IdempotencyInterceptor],
})
export class HttpConventionsModule {}

import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@redress/kernel';

/** A malformed id cannot name anything: 404, like an id that exists but is not the caller's. */
export const IdParam = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Resource') });

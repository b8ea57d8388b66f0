import type { PipeTransform } from '@nestjs/common';
import { DomainError, identifierProblem } from '@redress/kernel';

/** An account id in a path: one no account can have is answered like an unknown one, 404. */
export const AccountIdParam: PipeTransform<string, string> = {
  transform: (value) => {
    if (identifierProblem(value)) throw DomainError.notFound('Account');
    return value;
  },
};

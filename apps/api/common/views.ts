import type { ApiPropertyOptions } from '@nestjs/swagger';

/**
 * The `view` property (`staff` or `public`) that tells a resource's staff view from its public (account holder's) one, so
 * that a `oneOf` of the two has a discriminator a strict validator and a typed client can branch on.
 */
export const staffView: ApiPropertyOptions = {
  enum: ['staff'],
  description: 'The staff view: what reviewers, finance, enforcement and admins see',
};

export const publicView: ApiPropertyOptions = {
  enum: ['public'],
  description: 'The public view: what the account holder sees of their own',
};

/** A `oneOf` of a resource's staff and public views, told apart by `view`. */
export const eitherView = (staff: string, appellant: string) => ({
  type: 'object' as const,
  oneOf: [{ $ref: staff }, { $ref: appellant }],
  discriminator: { propertyName: 'view' },
});

import type { Staff } from './types';

/**
 * The staff view of an answer from a route that answers either view (GET /v1/appeals/{id},
 * GET /v1/suspensions/{id}), narrowed on the `view` the API sends: a staff token always gets it.
 */
export function staffView<T extends { view: string }>(resource: T): Staff<T> {
  if (resource.view !== 'staff') throw new Error(`expected the staff view, got view: ${resource.view}`);
  return resource as unknown as Staff<T>;
}

import { ok } from '@redress/sdk';
import { api, type Suspension } from '../api/client';
import { collect } from '../api/collect';
import { useLoad, type Loaded } from './use-load';

export const loadSuspensions = (): Promise<Suspension[]> =>
  collect((cursor) => ok(api.GET('/v1/me/suspensions', { params: { query: { cursor, limit: 100 } } })));

/** All of the signed-in account's suspensions. */
export const useSuspensions = (): Loaded<Suspension[]> => useLoad(loadSuspensions, []);

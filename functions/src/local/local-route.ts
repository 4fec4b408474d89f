import type { ApiRequest, ApiResponse } from '../http/route-types';

/** A route the local host serves outside `/api` (the local IdP): exact method and path. */
export interface LocalRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly handler: (request: ApiRequest) => Promise<ApiResponse>;
}

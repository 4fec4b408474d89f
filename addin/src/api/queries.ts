import type { ApiClient } from './client';
import { commandRequest } from './command-routes';
import {
  caseListSchema,
  caseViewSchema,
  commandResultSchema,
  historySchema,
  outlineSchema,
  verificationSchema,
  type CaseView,
} from './schemas';
import { ApiError } from './api-error';

/** The read and write calls the views make (one place for every path). */
export function caseApi(client: ApiClient) {
  const id = encodeURIComponent;
  return {
    listMine: () => client.get('cases?mine=true', caseListSchema).then((r) => r.cases),
    getCase: (caseId: string) => client.get(`cases/${id(caseId)}`, caseViewSchema),
    history: (caseId: string) => client.get(`cases/${id(caseId)}/history`, historySchema),
    verification: (caseId: string) =>
      client.get(`cases/${id(caseId)}/history/verification`, verificationSchema),
    stagePdf: (caseId: string, position: number, version: number) =>
      client.blob(`cases/${id(caseId)}/stages/${String(position)}/pdf?version=${String(version)}`),
    outline: (providerId: string) =>
      client.get(`providers/${id(providerId)}/procedure`, outlineSchema),
    /** Sends a case command; resolves to the case as the caller now sees it (null: access ended). */
    command: async (
      caseId: string,
      type: string,
      fields: Readonly<Record<string, unknown>>,
      idempotencyKey: string,
    ): Promise<CaseView | null> => {
      const request = commandRequest(caseId, type, fields);
      if (request === undefined) {
        throw new ApiError({
          status: 0,
          code: 'UNKNOWN_COMMAND',
          detail: `This app cannot send "${type}" yet.`,
          rules: [],
          errors: [],
          correlationId: null,
        });
      }
      const reply = await client.send(
        request.method,
        request.path,
        request.body,
        commandResultSchema,
        idempotencyKey,
      );
      return reply.view;
    },
  };
}

/** The API calls, as the views use them. */
export type CaseApi = ReturnType<typeof caseApi>;

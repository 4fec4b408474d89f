import type { SettingsWrite } from '../services/provider-admin';
import { problem, problemFromRefusal } from './problem';
import { json } from './responses';
import type { ApiResponse } from './route-types';

/** The HTTP answer to a settings write: 200/201 with the ETag, a refusal, 412 stale or 428 missing If-Match. */
export function settingsWriteResponse(outcome: SettingsWrite): ApiResponse {
  switch (outcome.kind) {
    case 'saved':
      return json(
        outcome.created ? 201 : 200,
        outcome.windowChanges === undefined
          ? outcome.view
          : { ...outcome.view, windowChanges: outcome.windowChanges },
        { etag: outcome.view.etag },
      );
    case 'refused':
      return problemFromRefusal(outcome.refusal);
    case 'precondition-failed':
      return problem(
        412,
        'CONFLICT',
        'The settings changed since you read them; read them again (new ETag).',
      );
    case 'precondition-required':
      return problem(428, 'CONFLICT', 'Send If-Match with the ETag from GET .../settings.');
  }
}

import { refusalCodes } from '@shared/errors/refusal';
import { refusalStatus } from '../../../../functions/src/http/refusal-status';

describe('refusal code → HTTP status', () => {
  it('maps every refusal code to a 4xx, or 503 for storage', () => {
    for (const code of refusalCodes) {
      const status = refusalStatus[code];
      expect(code === 'STORAGE_UNAVAILABLE' ? status === 503 : status >= 400 && status < 500).toBe(
        true,
      );
    }
  });

  it.each([
    ['NOT_FOUND', 404],
    ['VALIDATION_FAILED', 400],
    ['ROLE_NOT_ALLOWED', 403],
    ['FORBIDDEN', 403],
    ['NOT_A_PARTICIPANT', 403],
    ['CONFLICT', 409],
    ['CASE_CLOSED', 409],
    ['WRONG_STAGE', 409],
    ['GUARD_FAILED', 422],
    ['TARGET_LIMIT_REACHED', 422],
    ['UNAUTHENTICATED', 401],
    ['PAYLOAD_TOO_LARGE', 413],
    ['UNSUPPORTED_MEDIA_TYPE', 415],
  ] as const)('%s → %i', (code, status) => {
    expect(refusalStatus[code]).toBe(status);
  });
});

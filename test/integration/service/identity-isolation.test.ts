import type { Identity } from '@shared/domain/context';
import { cmd, freshServices, meCaseAt, who } from '../../support/service-fixture';

/**
 * Z5: a person is (tenant id, object id). The same name under another object id, or the same
 * object id under another tenant, is somebody else and sees nothing. (An e-mail address or UPN
 * never reaches the service: the token validator's Z5 test shows the identity has no such field.)
 */
describe('Z5: identity is (tid, oid), never a name or an e-mail address', () => {
  const otherTenant = '99999999-9999-4999-8999-999999999999';
  const otherOid = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
  let s: Awaited<ReturnType<typeof freshServices>>;
  let caseId: string;
  const mentor = who('me-mentor');

  beforeAll(async () => {
    s = await freshServices();
    caseId = await meCaseAt(s, 'opened');
  });

  const impostors: readonly [string, Identity][] = [
    ['the same name under another object id', { ...mentor, oid: otherOid }],
    ['the same object id in another tenant', { ...mentor, tid: otherTenant }],
  ];

  it('the mentor sees the case (control)', async () => {
    expect((await s.cases.getCase(mentor, caseId)).ok).toBe(true);
  });

  it.each(impostors)('%s gets NOT_FOUND on read, history and commands', async (_name, impostor) => {
    const read = await s.cases.getCase(impostor, caseId);
    const history = await s.cases.history(impostor, caseId);
    const write = await s.cases.execute(
      impostor,
      caseId,
      { type: 'addComment', text: 'Not me.', visibility: 'staff' },
      cmd(),
    );
    for (const result of [read, history, write]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.refusal.code).toBe('NOT_FOUND');
    }
  });

  it.each(impostors)('%s lists no cases', async (_name, impostor) => {
    const listed = await s.cases.listMine(impostor, {});
    expect(listed.ok && listed.value.some((c) => c.caseId === caseId)).toBe(false);
  });
});

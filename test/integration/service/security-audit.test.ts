import { as, person, cmd, freshServices, must, who } from '../../support/service-fixture';

describe('security audit (Z6, AU1)', () => {
  it('records refused access to an existing case and reads of special-category data, with ids only', async () => {
    const now = new Date();
    const s = await freshServices(() => now);
    const ct = who('me-course-tutor');
    const opened = must(
      await s.cases.openCase(
        ct,
        'mid-essex-itt',
        {
          trainee: {
            ...person('me-trainee-3'),
            route: 'primary',
            subject: 'Primary',
            school: 'X',
            placement: 'A',
          },
          participants: [as('me-course-tutor'), as('me-mentor')],
        },
        cmd(),
      ),
    );
    const id = opened.caseId;
    const sentinel = 'SENTINEL-occupational-health-7f3a';
    must(
      await s.cases.execute(
        ct,
        id,
        {
          type: 'raiseConcern',
          category: 'medical-circumstances',
          description: sentinel,
          evidence: null,
          source: null,
          seriousIncident: false,
        },
        cmd(),
      ),
    );
    const day = now.toISOString().slice(0, 10);
    expect(await s.audit.day('mid-essex-itt', day)).toEqual([]);

    expect((await s.cases.getCase(who('me-trainee-1'), id)).ok).toBe(false); // not their case
    must(await s.cases.getCase(who('me-mentor'), id)); // redacted for the mentor: no special-category read
    const tutorView = must(await s.cases.getCase(ct, id)); // the course tutor sees it: audited
    expect(JSON.stringify(tutorView)).toContain(sentinel);

    const events = await s.audit.day('mid-essex-itt', day);
    expect(events.map((e) => [e.type, e.actorOid]).sort()).toEqual(
      [
        ['access-refused', who('me-trainee-1').oid],
        ['special-category-read', ct.oid],
      ].sort(),
    );
    expect(JSON.stringify(events)).not.toContain(sentinel);
    expect(events.every((e) => e.caseId === id && e.at.endsWith('Z'))).toBe(true);
  });
});

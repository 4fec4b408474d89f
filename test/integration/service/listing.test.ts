import { as, person, cmd, freshServices, must, who } from '../../support/service-fixture';

/**
 * "My cases": a participant's listing reads only the key column of the provider's cases and then
 * their own cases; a provider-wide role reads them all. Access is decided on each case's state.
 */
describe('listing my cases', () => {
  const others = 12;
  let s: Awaited<ReturnType<typeof freshServices>>;
  const mine: string[] = [];

  const open = async (participants: string[]) =>
    must(
      await s.cases.openCase(
        who('me-course-tutor'),
        'mid-essex-itt',
        {
          trainee: {
            ...person('me-trainee-2'),
            route: 'secondary',
            subject: 'History',
            school: 'Riverside School',
            placement: 'A',
          },
          participants: participants.map((p) => as(p)),
        },
        cmd(),
      ),
    ).caseId;

  beforeAll(async () => {
    s = await freshServices();
    for (let i = 0; i < others; i += 1) await open(['me-course-tutor']);
    mine.push(await open(['me-course-tutor', 'me-mentor']));
    mine.push(await open(['me-course-tutor', 'me-mentor']));
  }, 60_000);

  it('a mentor gets exactly their cases from one key-only query per provider and one read per case', async () => {
    s.counter.reset();
    const listed = must(await s.cases.listMine(who('me-mentor'), {}));
    expect(listed.map((c) => c.caseId).sort()).toEqual([...mine].sort());
    // One key-only query per provider that admits the mentor's tenant (both demo providers do).
    const queries = s.counter.requests.filter((r) => r.url.includes('$filter'));
    expect(queries).toHaveLength(2);
    for (const query of queries) expect(query.url).toContain('$select=RowKey,participantKeys');
    const pointReads = s.counter.requests.filter((r) => !r.url.includes('$filter'));
    // The providers directory may be re-read when its cache is cold; case reads are one each.
    expect(pointReads.filter((r) => r.url.includes("RowKey='c|"))).toHaveLength(mine.length);
  });

  it('a course tutor on most of the cases gets them from one range read, not one read each', async () => {
    s.counter.reset();
    const listed = must(await s.cases.listMine(who('me-course-tutor'), {}));
    expect(listed).toHaveLength(others + mine.length);
    const meQueries = s.counter.requests.filter((r) => r.url.includes("eq 'mid-essex-itt'"));
    expect(meQueries.map((r) => r.url.includes('$select='))).toEqual([true, false]);
    expect(s.counter.requests.filter((r) => r.url.includes("RowKey='c|"))).toHaveLength(0);
  });

  it('a provider-wide role still sees every case of its provider', async () => {
    const listed = must(await s.cases.listMine(who('me-director'), {}));
    expect(listed.length).toBe(others + mine.length);
  });

  it('removing a participant takes their case out of their listing at once', async () => {
    const view = must(await s.cases.getCase(who('me-course-tutor'), mine[1]!));
    const mentor = view.participants.find(
      (p) => p.role === 'mentor' && p.name === who('me-mentor').name,
    )!;
    must(
      await s.cases.execute(
        who('me-course-tutor'),
        mine[1]!,
        { type: 'removeParticipant', participantId: mentor.participantId },
        cmd(),
      ),
    );
    const listed = must(await s.cases.listMine(who('me-mentor'), {}));
    expect(listed.map((c) => c.caseId)).toEqual([mine[0]]);
  });
});

import { as, cmd, freshServices, must, person, who } from '../../support/service-fixture';

/** Issue 11 item 12: search over trainee name, school and subject, only within what the caller may see. */
describe('case search (GET /api/cases?q=)', () => {
  let s: Awaited<ReturnType<typeof freshServices>>;
  const ids: Record<string, string> = {};

  const open = async (trainee: string, subject: string, school: string, staff: string[]) =>
    must(
      await s.cases.openCase(
        who('me-course-tutor'),
        'mid-essex-itt',
        {
          trainee: { ...person(trainee), route: 'secondary', subject, school, placement: 'A' },
          participants: staff.map((p) => as(p)),
        },
        cmd(),
      ),
    ).caseId;

  beforeAll(async () => {
    s = await freshServices();
    ids.emily = await open('me-trainee-1', 'Mathematics', 'Riverside School', [
      'me-course-tutor',
      'me-mentor',
    ]);
    ids.josh = await open('me-trainee-2', 'History', 'Saint Chad\u2019s Académie', [
      'me-course-tutor',
    ]);
    ids.zara = await open('me-trainee-3', 'Mathematics', 'Hillview High', ['me-course-tutor']);
  }, 60_000);

  const search = async (persona: string, q: string) =>
    must(await s.cases.listMine(who(persona), { q }))
      .map((c) => c.caseId)
      .sort();

  it('finds by trainee name, school and subject, every word, any case', async () => {
    expect(await search('me-course-tutor', 'emily')).toEqual([ids.emily]);
    expect(await search('me-course-tutor', 'RIVERSIDE')).toEqual([ids.emily]);
    expect(await search('me-course-tutor', 'mathematics')).toEqual([ids.emily, ids.zara].sort());
    expect(await search('me-course-tutor', 'maths hillview')).toEqual([]); // "maths" is not in "Mathematics"
    expect(await search('me-course-tutor', 'mathem hillview')).toEqual([ids.zara]);
    expect(await search('me-course-tutor', 'nobody')).toEqual([]);
  });

  it('ignores accents and spacing: "academie" finds an Académie', async () => {
    expect(await search('me-course-tutor', '  academie  ')).toEqual([ids.josh]);
  });

  it('only within the cases the caller may see: the mentor finds their trainee, never the others', async () => {
    expect(await search('me-mentor', 'mathematics')).toEqual([ids.emily]);
    expect(await search('me-mentor', 'zara')).toEqual([]);
    expect(await search('me-trainee-3', 'mathematics')).toEqual([ids.zara]);
    // a person of another provider sees none of them
    expect(await search('bf-programme-lead', 'mathematics')).toEqual([]);
  });

  it('the listing rows carry the school and subject the search matched', async () => {
    const [row] = must(await s.cases.listMine(who('me-mentor'), { q: 'emily' }));
    expect(row).toMatchObject({
      traineeName: 'Emily Clarke',
      school: 'Riverside School',
      subject: 'Mathematics',
    });
  });
});

import type { OpenCaseCommand } from '@shared/domain/commands';
import { as, cmd, freshServices, must, person, who } from '../../support/service-fixture';

/** Issue 11 item 9: opening a case without GUIDs; invited people linked at first sign-in; the opener never locked out. */
describe('opening a case without GUIDs (item 9)', () => {
  let s: Awaited<ReturnType<typeof freshServices>>;
  beforeAll(async () => {
    s = await freshServices();
  }, 60_000);

  const open = async (participants: OpenCaseCommand['participants']) =>
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
          participants,
        },
        cmd(),
      ),
    );

  it('a course tutor who opens a case without naming themselves is added in their role, and can read it', async () => {
    const opened = await open([as('me-mentor')]);
    expect(opened.view).not.toBeNull(); // was null: 201, then 404
    const view = must(await s.cases.getCase(who('me-course-tutor'), opened.caseId));
    expect(view.viewerRoles).toEqual(['courseTutor']);
    expect(view.participants.map((p) => p.role).sort()).toEqual([
      'courseTutor',
      'mentor',
      'trainee',
    ]);
  });

  it('a person named by name and email is "invited, not yet signed in", then linked when they sign in with that address', async () => {
    const mentor = who('me-mentor');
    const invite = {
      role: 'mentor' as const,
      name: mentor.name,
      email: 'Mentor.Person@School.example',
      tid: null,
      oid: null,
    };
    const { caseId } = await open([as('me-course-tutor'), invite]);
    const before = must(await s.cases.getCase(who('me-course-tutor'), caseId));
    expect(before.participants.find((p) => p.role === 'mentor')).toMatchObject({
      invited: true,
      active: true,
    });
    // signing in without that address (or none) gives no access
    expect((await s.cases.getCase(mentor, caseId)).ok).toBe(false);
    expect(must(await s.cases.listMine(mentor, {})).map((c) => c.caseId)).not.toContain(caseId);
    // signing in with it (any case) from an allowed tenant: the case appears in "my cases", linked
    const signedIn = { ...mentor, email: 'mentor.person@school.example' };
    expect(must(await s.cases.listMine(signedIn, {})).map((c) => c.caseId)).toContain(caseId);
    const after = must(await s.cases.getCase(mentor, caseId)); // now by (tid, oid) alone
    expect(after.viewerRoles).toEqual(['mentor']);
    expect(after.participants.find((p) => p.role === 'mentor')).toMatchObject({ invited: false });
    const history = must(await s.cases.history(who('me-course-tutor'), caseId));
    expect(history.map((e) => e.type)).toContain('ParticipantLinked');
    expect(history.find((e) => e.type === 'ParticipantLinked')?.actor).toMatchObject({
      tid: mentor.tid,
      oid: mentor.oid,
    });
  });

  it('Z5: a second identity signing in with the same address after the link gets nothing', async () => {
    const invite = {
      role: 'mentor' as const,
      name: 'Mo',
      email: 'mo@school.example',
      tid: null,
      oid: null,
    };
    const { caseId } = await open([as('me-course-tutor'), invite]);
    must(await s.cases.getCase({ ...who('me-mentor'), email: 'mo@school.example' }, caseId));
    const other = { ...who('me-professional-tutor'), email: 'mo@school.example' };
    expect((await s.cases.getCase(other, caseId)).ok).toBe(false);
  });
});

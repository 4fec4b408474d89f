import { invitationLinks } from '@shared/domain/invitations';
import { ME, viewAs } from '../../../support/engine-fixtures';
import { EngineHarness } from '../../../support/engine-harness';

/** Issue 11 item 9 in the engine: people from the staff directory by email, invited people, the opener added. */

const trainee = {
  name: ME.trainee.name,
  route: 'secondary',
  subject: 'Maths',
  school: 'Chelmsford High',
  placement: 'A',
};
const withDirectory = () =>
  new EngineHarness('mid-essex-itt', '2025-01-06T09:00:00Z', [
    { ...ME.courseTutor, email: 'carol.tutor@midessex.example', role: 'courseTutor' },
    { ...ME.leadSubjectTutor, email: 'lee.subject@midessex.example', role: 'leadSubjectTutor' },
    { ...ME.director, email: null, role: 'director' },
  ]);

describe('opening a case without GUIDs', () => {
  it('ME-07: a person picked from the staff directory by email gets their Entra ids from it', () => {
    const h = withDirectory();
    expect(
      h.open(ME.courseTutor, {
        trainee,
        participants: [
          { role: 'courseTutor', name: 'Carol Tutor', email: 'carol.tutor@midessex.example' },
          { role: 'leadSubjectTutor', name: 'Lee Subject', email: 'Lee.Subject@MidEssex.example' },
        ],
      }),
    ).toBeNull();
    const lst = h.mustState().participants.find((p) => p.role === 'leadSubjectTutor')!;
    expect({ tid: lst.tid, oid: lst.oid }).toEqual({
      tid: ME.leadSubjectTutor.tid,
      oid: ME.leadSubjectTutor.oid,
    });
    expect(viewAs(h, ME.leadSubjectTutor).viewerRoles).toEqual(['leadSubjectTutor']);
  });

  it('ME-07: the opener who does not name themselves is added in their staff role; a director is not (they see every case)', () => {
    const h = withDirectory();
    expect(h.open(ME.courseTutor, { trainee, participants: [] })).toBeNull();
    expect(h.mustState().participants.map((p) => [p.role, p.oid])).toEqual([
      ['trainee', null],
      ['courseTutor', ME.courseTutor.oid],
    ]);
    const d = withDirectory();
    expect(d.open(ME.director, { trainee, participants: [] })).toBeNull();
    expect(d.mustState().participants.map((p) => p.role)).toEqual(['trainee']);
    expect(viewAs(d, ME.director).viewerRoles).toEqual(['director']);
  });

  it('ME-07: an invited person is shown as invited and linked only from an allowed tenant with that address', () => {
    const h = withDirectory();
    h.open(ME.courseTutor, {
      trainee,
      participants: [{ role: 'mentor', name: 'Mo Mentor', email: 'mo@school.example' }],
    });
    const mentor = viewAs(h, ME.courseTutor).participants.find((p) => p.role === 'mentor')!;
    expect(mentor.invited).toBe(true);
    const state = h.mustState();
    const at = '2025-01-07T09:00:00.000Z';
    const signedIn = { ...ME.mentor, email: 'mo@school.example' };
    expect(invitationLinks(state, signedIn, [ME.courseTutor.tid], at)).toEqual([]); // tenant not allowed
    expect(invitationLinks(state, { ...ME.mentor }, [ME.mentor.tid], at)).toEqual([]); // no address
    expect(invitationLinks(state, signedIn, [ME.mentor.tid], at)).toEqual([
      {
        type: 'ParticipantLinked',
        participantId: mentor.participantId,
        tid: ME.mentor.tid,
        oid: ME.mentor.oid,
        at,
      },
    ]);
  });
});

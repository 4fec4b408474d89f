import { readableHistory } from '@shared/record/readable-history';
import { ME, meToStage1, openMidEssex, sharpTarget, staff } from '../../../support/engine-fixtures';
import { record } from '../../../support/record-fixtures';

const everything = { specialCategory: true, staff: true };
const teaching = 'Teaching causing concern (planning, behaviour, marking)';

function stage1Case() {
  const h = openMidEssex();
  const r = record(h, ME.courseTutor);
  meToStage1(h);
  return { h, r };
}

test('ME-26, ME-28: each entry names the actor with their role then and says what changed', () => {
  const { h, r } = stage1Case();
  const t2 = h.targetIds()[1]!;
  h.ok(ME.courseTutor, {
    ...sharpTarget('Stage 1 target 2'),
    type: 'updateTarget',
    targetId: t2,
    successCriteria: 'Pupils on task for 20 minutes',
  });
  const version = h.mustState().current!.plan.version;
  h.ok(ME.mentor, {
    type: 'signPlan',
    planVersion: version,
    typedFullName: ME.mentor.name,
    role: 'mentor',
  });
  const history = readableHistory(h.definition, h.staff, r.events(), everything);
  const lines = history.map(
    (e) => `${e.actor.name} (${e.actor.roleLabels.join(', ')}): ${e.summary}`,
  );
  expect(lines).toContain('Carol Tutor (Course Tutor): Target 2 changed: success criteria');
  expect(lines).toContain(`Mo Mentor (Mentor): Signed plan version ${String(version)} as Mentor`);
  expect(lines).toContain(`Pat Professional (Professional Tutor): Raised a concern: ${teaching}`);
  const voided = history.find((e) => e.type === 'SignaturesVoided')!;
  expect(voided.summary).toMatch(/^5 signature\(s\) voided: the plan changed after signing/);
  expect(voided.rules).toEqual(expect.arrayContaining(['ME-28']));
  const signed = history.find((e) => e.type === 'PlanSigned' && e.actor.name === 'Mo Mentor')!;
  expect(signed.actor.oid).toBe(ME.mentor.oid);
  expect(signed.changes).toEqual(['Typed signature: Mo Mentor']);
  const started = history.find(
    (e) => e.type === 'StageStarted' && e.summary.startsWith('Started Stage 1'),
  )!;
  expect(started.rules).toEqual(expect.arrayContaining(['ME-07', 'ME-19']));
});

test('Z7: a special category concern is redacted in the history exactly as in the case view', () => {
  const h = openMidEssex();
  const r = record(h, ME.courseTutor);
  h.ok(ME.courseTutor, {
    type: 'raiseConcern',
    category: 'medical-circumstances',
    description: 'Hospital appointments for a chronic condition',
  });
  h.ok(ME.courseTutor, {
    type: 'addComment',
    text: 'Staff only: check OH report',
    visibility: 'staff',
  });
  const asTrainee = readableHistory(h.definition, h.staff, r.events(), {
    specialCategory: false,
    staff: false,
  });
  const text = JSON.stringify(asTrainee);
  expect(text).not.toContain('Hospital');
  expect(text).not.toContain('OH report');
  expect(asTrainee.find((e) => e.type === 'ConcernRaised')?.redacted).toBe(true);
  const asTutor = readableHistory(h.definition, h.staff, r.events(), everything);
  expect(JSON.stringify(asTutor)).toContain('Hospital appointments');
  expect(JSON.stringify(asTutor)).toContain('OH report');
});

test('X-10: a provider-wide actor not named in the case is named from the staff directory', () => {
  const h = openMidEssex({ without: ['director'] });
  const r = record(h, ME.courseTutor);
  h.ok(ME.director, { type: 'addComment', text: 'Director note' });
  const history = readableHistory(
    h.definition,
    [...h.staff, staff(ME.director, 'director')],
    r.events(),
    everything,
  );
  const entry = history.find((e) => e.type === 'CommentAdded')!;
  expect(entry.actor).toMatchObject({
    name: 'Dee Director',
    roleLabels: ['Director / Assistant Director'],
    source: 'staff-directory',
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSettings } from '@shared/domain/settings';
import { brightFuturesScitt } from '@shared/procedures/bright-futures-scitt';
import { midEssexItt } from '@shared/procedures/mid-essex-itt';
import { builtInProcedures, parseProcedure } from '@shared/procedures/registry';
import { procedureDefinitionSchema, type ProcedureDefinition } from '@shared/procedures/schema';
import { eventsOf, notifications, today, viewAs } from '../../../support/engine-fixtures';
import { EngineHarness, emailOf, participant, person } from '../../../support/engine-harness';

const raw = { 'bright-futures-scitt': brightFuturesScitt, 'mid-essex-itt': midEssexItt } as const;
const thirdProviderJson = readFileSync(join(__dirname, 'fixtures', 'third-provider.json'), 'utf8');

function mustParse(data: unknown): ProcedureDefinition {
  const result = parseProcedure(data);
  if (!result.ok) throw new Error(result.refusal.message);
  return result.value;
}

type Path = readonly (string | number)[];

/** The message parseProcedure gives for a copy of a definition with one value set at a path (null: accepted). */
function refusalWith(base: unknown, path: Path, value: unknown): string | null {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  const result = parseProcedure(copy);
  return result.ok ? null : result.refusal.message;
}

/** The value at a path of a definition. */
function valueAt(base: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], base);
}

describe('built-in definitions are data', () => {
  it.each(Object.entries(raw))(
    'ME-01, BF-30: %s parses with the zod schema and survives a JSON round trip',
    (id, definition) => {
      const parsed = procedureDefinitionSchema.parse(definition);
      const roundTripped = mustParse(JSON.parse(JSON.stringify(definition)));
      expect(roundTripped).toEqual(parsed);
      expect(roundTripped).toEqual(builtInProcedures().get(id));
      expect(JSON.parse(JSON.stringify(builtInProcedures().get(id)))).toEqual(
        builtInProcedures().get(id),
      );
    },
  );

  it.each(Object.keys(raw))(
    'X-01..X-12: every setting of %s resolves to its stated default',
    (id) => {
      const def = builtInProcedures().get(id)!;
      const resolved = resolveSettings(def, {});
      expect(resolved.ok).toBe(true);
      if (resolved.ok)
        for (const s of def.settings) expect(resolved.value[s.key]).toEqual(s.default);
      expect(resolveSettings(def, { noSuchSetting: 1 })).toMatchObject({
        ok: false,
        refusal: { code: 'SETTING_INVALID' },
      });
    },
  );

  it('ME-01, ME-09: Mid Essex 2024-2025 has Pre-Stage 1, ISP Stages 1-2, CfC Stage 3, Stage 4 review, Stage 5 appeal, Stage 6 DfE', () => {
    const def = builtInProcedures().get('mid-essex-itt')!;
    expect(def.version).toBe('2024-2025');
    expect(def.stages.map((s) => s.id)).toEqual([
      'pre-stage-1',
      'stage-1',
      'stage-2',
      'stage-3',
      'stage-4',
      'stage-5',
      'stage-6',
    ]);
    expect(def.stages.find((s) => s.id === 'stage-4')).toMatchObject({
      finalOutcome: true,
      carryPlan: true,
    });
    expect(def.stages.find((s) => s.id === 'stage-5')?.appeal).toBe(true);
  });

  it('ME-01, X-01, X-02, X-03, X-05, X-06, X-08, X-09, X-11: the Mid Essex ambiguities are settings with the stated defaults', () => {
    const settings = Object.fromEntries(
      builtInProcedures()
        .get('mid-essex-itt')!
        .settings.map((s) => [s.key, s]),
    );
    expect(settings.ispDayUnit).toMatchObject({ default: 'school', rules: ['X-01'] });
    expect(settings.cfcDayUnit).toMatchObject({ default: 'working', rules: ['X-01', 'X-02'] });
    expect(settings.ispStartedBy?.rules).toEqual(['X-03']);
    expect(settings.cfcSigners?.default).not.toContain('leadSubjectTutor');
    expect(settings.stage1MaxActions).toMatchObject({ default: null, rules: ['X-06'] });
    expect(settings.maxTargets?.default).toBe(3);
    expect(settings.enforceTimescale).toMatchObject({ default: true, rules: ['ME-11', 'X-08'] });
    expect(settings.indicativeReviewDays).toMatchObject({ default: 10, rules: ['ME-12', 'X-09'] });
    expect(settings.outcome2AgreementScope).toMatchObject({
      default: 'both',
      choices: ['both', 'unlikely-only'],
      rules: ['X-11'],
    });
  });

  it('BF-02, BF-30, X-10, X-12: Bright Futures has three stages and a Director meeting, copies no Mid Essex limit, labels its roles', () => {
    const def = builtInProcedures().get('bright-futures-scitt')!;
    expect(def.stages.map((s) => [s.id, s.formal])).toEqual([
      ['stage-1', false],
      ['stage-2', true],
      ['stage-3', null],
      ['director-meeting', null],
    ]);
    for (const stage of def.stages.filter((s) => s.plan !== undefined)) {
      expect(stage.plan).toMatchObject({
        targetStyle: 'SMART',
        maxTargets: { setting: 'maxTargets' },
        maxActionsPerTarget: null,
        requireIndicators: false,
      });
    }
    expect(def.stages.filter((s) => s.signatures !== undefined).map((s) => s.id)).toEqual([
      'stage-2',
    ]);
    const settings = Object.fromEntries(def.settings.map((s) => [s.key, s.default]));
    expect(settings).toMatchObject({
      maxTargets: null,
      reviewMinDays: null,
      reviewMaxDays: null,
      withdrawalAfterDirectorMeeting: true,
    });
    expect(def.roleLabels).toMatchObject({
      programmeLead: 'Programme Lead',
      professionalMentor: 'Professional Mentor',
      director: 'SCITT Director',
    });
    expect(def.imp).toEqual([]);
  });

  it('BF-27, BF-28, BF-29: the placement notes are kept for each route', () => {
    const notes = builtInProcedures().get('bright-futures-scitt')!.placementRules;
    expect(notes.map((n) => [n.route, n.rules])).toEqual([
      ['all', ['BF-27']],
      ['early-primary', ['BF-28']],
      ['secondary', ['BF-29']],
    ]);
    expect(notes[1]?.text).toContain('EYFS');
    expect(notes[2]?.text).toContain('contrasting');
  });

  it('ME-72: the grade scale and the CORE values are part of the Mid Essex definition', () => {
    const def = builtInProcedures().get('mid-essex-itt')!;
    expect(def.grades).toEqual([
      'insufficient',
      'emerging',
      'developing',
      'securing',
      'excelling',
      'no-opportunity',
    ]);
    expect(def.coreValues).toEqual(['committed', 'optimistic', 'research-engaged', 'effective']);
  });
});

describe('a third provider defined only as JSON', () => {
  const def = mustParse(JSON.parse(thirdProviderJson));
  const linkTutor = person(21, 'Lina Link');
  const mentor = person(22, 'Mark Mentor', 2);
  const trainee = person(23, 'Ada Associate');
  const lead = person(24, 'Priya Partnership');

  function open(settings: Record<string, unknown> = {}) {
    const h = new EngineHarness(
      def.id,
      '2025-09-15T09:00:00Z',
      [
        { ...lead, email: null, role: 'programmeLead' },
        { ...linkTutor, email: null, role: 'courseTutor' },
      ],
      settings,
      undefined,
      def,
    );
    const refusal = h.open(linkTutor, {
      trainee: {
        name: trainee.name,
        email: emailOf(trainee),
        tid: trainee.tid,
        oid: trainee.oid,
        route: 'secondary',
        subject: 'History',
        school: 'Northbridge Academy',
        placement: 'A',
      },
      participants: [
        participant('courseTutor', linkTutor),
        participant('mentor', mentor),
        participant('programmeLead', lead),
      ],
    });
    if (refusal !== null) throw new Error(refusal.message);
    return h;
  }
  const target = (
    text: string,
    successCriteria = 'Two lessons observed with clear objectives',
  ) => ({ type: 'addTarget', text, actions: ['Co-plan with the mentor'], successCriteria });

  it('parses with parseProcedure: its own roles labels, categories and settings', () => {
    expect(def).toMatchObject({
      id: 'northbridge-ttp',
      version: '2025-2026',
      roleLabels: { courseTutor: 'Link Tutor' },
    });
    expect(def.concern.categories.map((c) => c.id)).toEqual(['planning', 'attendance', 'health']);
    expect(def.settings.map((s) => s.key)).toEqual(['maxTargets', 'planStartedBy']);
    expect(builtInProcedures().has(def.id)).toBe(false);
  });

  it('runs a case from concern to closure through the engine: support plan, panel, letter, withdrawal', () => {
    const h = open();
    h.ok(mentor, {
      type: 'raiseConcern',
      category: 'planning',
      description: 'Lessons lack objectives',
    });
    expect(notifications(h, 'course-tutor-contact-needed')).toEqual([
      expect.objectContaining({ recipients: [h.participantId(linkTutor)], rules: ['NB-01'] }),
    ]);
    h.ok(linkTutor, {
      type: 'startStage',
      stageId: 'support-plan',
      reason: 'Concern raised by the mentor',
    });
    expect(h.run(linkTutor, target('No criteria', ''))?.message).toContain('success criteria');
    h.ok(linkTutor, target('Clear objectives in every lesson'));
    h.ok(linkTutor, { type: 'setReviewDate', reviewDate: '2025-10-01' });
    const version = h.mustState().current!.plan.version;
    h.ok(trainee, { type: 'signPlan', planVersion: version, typedFullName: trainee.name });
    h.ok(linkTutor, { type: 'signPlan', planVersion: version, typedFullName: linkTutor.name });
    expect(eventsOf(h, 'PlanFullySigned')).toHaveLength(1);
    h.advanceDays(14);
    h.ok(mentor, {
      type: 'recordReview',
      heldOn: today(h),
      outcomes: [{ targetId: h.targetIds()[0], met: false, evidence: 'Objectives still unclear' }],
    });

    const byMentor = h.run(mentor, { type: 'startStage', stageId: 'panel', reason: 'x' });
    expect(byMentor?.code).toBe('ROLE_NOT_ALLOWED');
    expect(byMentor?.message).toContain('Partnership Lead'); // its own role labels
    h.ok(lead, { type: 'startStage', stageId: 'panel', reason: 'Targets not met' });
    expect(viewAs(h, trainee).stage).toMatchObject({
      stageId: 'panel',
      label: 'Progress panel',
      formal: true,
    });
    h.ok(lead, {
      type: 'scheduleMeeting',
      meetingDefinitionId: 'panel-meeting',
      start: '2025-10-06T15:00:00Z',
      durationMinutes: 60,
      online: false,
      attendees: h.mustState().participants.map((p) => p.participantId),
    });
    h.ok(lead, {
      type: 'recordMeetingHeld',
      meetingId: h.mustState().current!.meetings[0]!.meetingId,
      notes: 'Panel held',
    });
    expect(h.run(lead, { type: 'closeCase', closureId: 'withdrawn', notes: 'x' })).toMatchObject({
      code: 'GUARD_FAILED',
      rules: ['NB-09'],
    });
    h.ok(lead, { type: 'completeDuty', dutyId: 'outcome-letter' });
    h.ok(lead, { type: 'closeCase', closureId: 'withdrawn', notes: 'Withdrawn after the panel' });
    expect(h.mustState().status).toMatchObject({
      kind: 'closed',
      outcomeId: 'withdrawn',
      outcomeLabel: 'Withdrawn from the programme',
    });
    expect(h.mustState().procedureVersion).toBe('2025-2026');
    expect(h.available(lead)).toEqual([]);
  });

  it('applies its own settings and special category', () => {
    const h = open({ maxTargets: 1 });
    h.ok(trainee, { type: 'raiseConcern', category: 'health', description: 'Migraine diagnosis' });
    expect(viewAs(h, mentor).concerns[0]?.redacted).toBe(true);
    expect(viewAs(h, lead).concerns[0]?.redacted).toBe(false);
    h.ok(linkTutor, { type: 'startStage', stageId: 'support-plan', reason: 'x' });
    h.ok(linkTutor, target('T1'));
    expect(h.run(linkTutor, target('T2'))?.code).toBe('TARGET_LIMIT_REACHED');
    h.ok(mentor, {
      type: 'recordReview',
      heldOn: today(h),
      outcomes: [{ targetId: h.targetIds()[0], met: true, evidence: 'Met' }],
    });
    h.ok(linkTutor, { type: 'closeCase', closureId: 'targets-met', notes: 'Met' });
    expect(h.mustState().status).toMatchObject({ kind: 'closed', outcomeId: 'targets-met' });
  });
});

describe('invalid definitions give specific errors', () => {
  const third = JSON.parse(thirdProviderJson) as unknown;

  it('an entry from an unknown stage', () => {
    const message = refusalWith(third, ['stages', 1, 'entries', 0, 'from'], ['support-plann']);
    expect(message).toBe('A stage entry comes from unknown stage "support-plann".');
  });

  it('a setting used but not declared', () => {
    const message = refusalWith(third, ['stages', 0, 'entries', 0, 'by'], { setting: 'whoStarts' });
    expect(message).toBe('The definition uses setting "whoStarts" but does not declare it.');
  });

  it('a bad rule id, and a rule list left empty', () => {
    expect(refusalWith(third, ['stages', 0, 'rules'], ['nb-2'])).toBe(
      'Invalid procedure definition at stages.0.rules.0: must be a rule id such as ME-19',
    );
    expect(refusalWith(third, ['stages', 0, 'closures', 0, 'rules'], [])).toContain(
      'every rule in a definition names the clause it enacts',
    );
    expect(
      refusalWith(brightFuturesScitt, ['stages', 0, 'entries', 0, 'rules'], ['BF-1']),
    ).toContain('stages.0.entries.0.rules.0');
  });

  it('an unknown role, guard, or field', () => {
    expect(refusalWith(third, ['roleLabels', 'headteacher'], 'Head')).toContain('roleLabels');
    expect(refusalWith(third, ['stages', 1, 'entries', 0, 'guards', 0, 'name'], 'magic')).toContain(
      'stages.1.entries.0.guards.0.name',
    );
    expect(refusalWith(third, ['stages', 0, 'colour'], 'blue')).toContain('colour');
    expect(refusalWith(third, ['stages'], [])).toContain('stages');
  });

  it('two stages with the same id', () => {
    // ENGINE BUG: parseProcedure (procedures/registry.ts) accepts duplicate stage ids; stageDefinition() then silently uses the first.
    expect(refusalWith(third, ['stages', 2], valueAt(third, ['stages', 1]))).toEqual(
      expect.stringMatching(/panel/),
    );
  });

  it('a review that requires an observation the stage does not define', () => {
    // ENGINE BUG: parseProcedure accepts review.requiresObservation naming no observation of the stage; that review can never be recorded.
    expect(
      refusalWith(third, ['stages', 0, 'review', 'requiresObservation'], 'lesson-observation'),
    ).toEqual(expect.stringMatching(/lesson-observation/));
  });

  it('a meetingHeld guard naming a meeting the stage does not define', () => {
    // ENGINE BUG: parseProcedure accepts guard params.meeting naming no meeting of the stage; that closure can never be taken.
    expect(
      refusalWith(
        third,
        ['stages', 1, 'closures', 0, 'guards', 0, 'params', 'meeting'],
        'panel-meating',
      ),
    ).toEqual(expect.stringMatching(/panel-meating/));
  });

  it('ME-64: a duty that requires a meeting the stage does not define', () => {
    expect(
      refusalWith(midEssexItt, ['stages', 5, 'duties', 1, 'requiresMeeting'], 'director-meating'),
    ).toEqual(expect.stringMatching(/director-meating/));
  });

  it('ME-59: a Stage 4 entry guard waiting for a meeting or observation Stage 3 does not define', () => {
    expect(
      refusalWith(
        midEssexItt,
        ['stages', 4, 'entries', 0, 'guards', 1, 'params', 'meeting'],
        'cfc-meating',
      ),
    ).toEqual(expect.stringMatching(/cfc-meating.*stage-3/));
    expect(
      refusalWith(
        midEssexItt,
        ['stages', 4, 'entries', 0, 'guards', 2, 'params', 'observation'],
        'joint-obs',
      ),
    ).toEqual(expect.stringMatching(/joint-obs/));
  });

  it('a setting whose default does not fit its type', () => {
    // ENGINE BUG: parseProcedure accepts {type: "nullableNumber", default: "four"}; resolveSettings then refuses every case of the provider.
    expect(refusalWith(third, ['settings', 0, 'default'], 'four')).toEqual(
      expect.stringMatching(/maxTargets|Maximum targets/),
    );
  });
});

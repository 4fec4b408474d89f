import { randomInt, randomUUID } from 'node:crypto';
import type { CaseCommand } from '@shared/domain/commands';
import type { Identity } from '@shared/domain/context';
import type { Role } from '@shared/domain/roles';
import { countingPolicy } from '../../functions/src/infrastructure/tables/request-counter';
import { demoPersonas } from '../../functions/src/local/demo-personas';
import { demoProviders } from '../../functions/src/local/demo-providers';
import { demoEmail } from '../../functions/src/local/graph/demo-graph-users';
import {
  createAppServices,
  type AppServices,
  type DeliveryParts,
} from '../../functions/src/services/create-case-service';

/** A signed-in demo persona by id (e.g. 'me-course-tutor'). */
export function who(id: string): Identity {
  const p = demoPersonas.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no persona ${id}`);
  return { tid: p.tid, oid: p.oid, name: p.name };
}

/** A participant input for a persona. */
export function as(id: string, role?: Role) {
  const p = demoPersonas.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no persona ${id}`);
  return {
    role: role ?? p.role,
    name: p.name,
    tid: p.tid,
    oid: p.oid,
    email: demoEmail(p) as string | null,
  };
}

/** A persona as the person a case is about (a trainee has no role field: the case gives it). */
export function person(id: string) {
  const { role: _role, ...rest } = as(id);
  return rest;
}

/** A fresh command id. */
export const cmd = (): string => randomUUID();

/** A concern raised at the school (ME-05), with no evidence, source or serious incident. */
export const schoolConcern = (
  category = 'absence',
  description = 'Absent three days this week',
): CaseCommand => ({
  type: 'raiseConcern',
  category,
  description,
  evidence: null,
  source: null,
  seriousIncident: false,
});

/** The application service on fresh tables in the run's Azurite, with both demo providers configured. */
export async function freshServices(
  clock?: () => Date,
  delivery?: DeliveryParts,
): Promise<
  AppServices & {
    counter: ReturnType<typeof countingPolicy>;
    tables: { cases: string; providers: string; securityAudit: string; dueIndex: string };
  }
> {
  const connectionString = process.env.AZURE_TABLES_CONNECTION_STRING;
  if (connectionString === undefined)
    throw new Error('AZURE_TABLES_CONNECTION_STRING is not set (global setup)');
  const suffix = `${Date.now()}${randomInt(1_000_000)}`;
  const counter = countingPolicy();
  const tables = {
    cases: `cases${suffix}`,
    providers: `providers${suffix}`,
    securityAudit: `audit${suffix}`,
    dueIndex: `due${suffix}`,
  };
  const services = createAppServices(
    { connectionString },
    {
      tables,
      tableOptions: {
        retryOptions: { retryDelayInMs: 5, maxRetryDelayInMs: 20 },
        additionalPolicies: [counter.policy],
      },
      ...(clock === undefined ? {} : { clock }),
      providerCacheMs: 60_000,
      ...(delivery === undefined ? {} : { delivery }),
    },
  );
  for (const provider of demoProviders) {
    const saved = await services.providers.put(provider, null, null);
    if (!saved.ok) throw new Error(saved.refusal.message);
  }
  return { ...services, counter, tables };
}

/** Unwraps a service result in a test. */
export function must<T>(
  result: { ok: true; value: T } | { ok: false; refusal: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`${result.refusal.code}: ${result.refusal.message}`);
  return result.value;
}

type Cases = Pick<AppServices, 'cases'>;

/**
 * A Bright Futures case through the real service: concern, Stage 1 with a target, and for
 * 'stage-2' the PM observation, an unmet review and Stage 2 with a target (BF-03..BF-17).
 */
export async function bfCaseAt(s: Cases, stage: 'stage-1' | 'stage-2'): Promise<string> {
  const lead = who('bf-programme-lead');
  const opened = must(
    await s.cases.openCase(
      lead,
      'bright-futures-scitt',
      {
        trainee: {
          ...person('bf-trainee-1'),
          route: 'primary',
          subject: 'Primary',
          school: 'Oak Primary',
          placement: 'B',
        },
        participants: [as('bf-programme-lead'), as('bf-mentor'), as('bf-professional-mentor')],
      },
      cmd(),
    ),
  );
  const id = opened.caseId;
  const run = async (persona: string, command: unknown) =>
    must(await s.cases.execute(who(persona), id, command as CaseCommand, cmd()));
  const noEvidence = { writtenReports: [], observationIds: [] };
  const target = (text: string) => ({
    type: 'addTarget',
    text,
    actions: ['Share plans 2 days ahead'],
    indicators: [],
    monitoring: '',
    successCriteria: '',
  });
  await run('bf-mentor', {
    type: 'raiseConcern',
    category: 'teaching',
    description: 'Lessons lack structure',
    evidence: null,
    source: null,
    seriousIncident: false,
  });
  await run('bf-programme-lead', {
    type: 'startStage',
    stageId: 'stage-1',
    reason: 'Concern raised',
    overview: '',
    evidence: noEvidence,
  });
  await run('bf-programme-lead', target('Plan lessons with clear objectives'));
  if (stage === 'stage-1') return id;
  const view = must(await s.cases.getCase(lead, id));
  const pm = view.participants.find((p) => p.role === 'professionalMentor');
  await run('bf-professional-mentor', {
    type: 'recordObservation',
    observationDefinitionId: 'review-observation',
    date: '2025-01-01',
    observers: [pm?.participantId],
    notes: 'Weak starts',
  });
  const outcomes = (view.stage?.plan.targets ?? []).map((t) => ({
    targetId: t.targetId,
    met: false,
    evidence: 'Observed',
  }));
  await run('bf-professional-mentor', {
    type: 'recordReview',
    heldOn: '2025-01-01',
    outcomes,
    notes: '',
  });
  await run('bf-programme-lead', {
    type: 'startStage',
    stageId: 'stage-2',
    reason: 'Concerns ongoing',
    overview: '',
    evidence: noEvidence,
  });
  await run('bf-programme-lead', target('Consistent routines'));
  return id;
}

/**
 * A Mid Essex case for `trainee` with the course tutor, mentor, professional tutor and lead
 * subject tutor named; for 'stage-1', raised by the PT and brought through Pre-Stage 1 (ME-13,
 * ME-14) to a Stage 1 plan with one SHARP target, ready to sign.
 */
export async function meCaseAt(
  s: Cases,
  stage: 'opened' | 'stage-1',
  trainee = 'me-trainee-1',
): Promise<string> {
  const ct = who('me-course-tutor');
  const staff = ['me-course-tutor', 'me-mentor', 'me-professional-tutor', 'me-lead-subject-tutor'];
  const traineePerson = person(trainee);
  const opened = must(
    await s.cases.openCase(
      ct,
      'mid-essex-itt',
      {
        trainee: {
          ...traineePerson,
          route: 'secondary',
          subject: 'Mathematics',
          school: 'Riverside School',
          placement: 'Placement A',
        },
        participants: staff.map((p) => as(p)),
      },
      cmd(),
    ),
  );
  const id = opened.caseId;
  if (stage === 'opened') return id;
  const run = async (persona: string, command: unknown) =>
    must(await s.cases.execute(who(persona), id, command as CaseCommand, cmd()));
  const noEvidence = { writtenReports: [], observationIds: [] };
  await run('me-professional-tutor', {
    type: 'raiseConcern',
    category: 'teaching',
    description: 'Behaviour management is not consistent.',
    evidence: null,
    source: null,
    seriousIncident: false,
  });
  await run('me-course-tutor', {
    type: 'startStage',
    stageId: 'pre-stage-1',
    reason: 'Professional Tutor contacted us',
    overview: '',
    evidence: noEvidence,
  });
  await run('me-course-tutor', { type: 'completeDuty', dutyId: 'evidence-gathered', notes: '' });
  await run('me-course-tutor', {
    type: 'startStage',
    stageId: 'stage-1',
    entryId: 'isp',
    reason: 'Individual Support Plan agreed',
    overview: '',
    evidence: noEvidence,
  });
  await run('me-course-tutor', {
    type: 'addTarget',
    text: 'Apply the school behaviour policy consistently',
    actions: ['Plan with the mentor each week'],
    indicators: ['AI 2.3'],
    monitoring: 'Weekly observation',
    successCriteria: 'Two lessons judged securing',
  });
  return id;
}

/**
 * A Mid Essex case for `trainee` that went straight into Stage 1 as "not yet on trajectory"
 * (a teaching concern raised by the course tutor): it has a review window and no plan yet.
 */
export async function meStage1NotOnTrajectory(s: Cases, trainee = 'me-trainee-1'): Promise<string> {
  const ct = who('me-course-tutor');
  const id = await meCaseAt(s, 'opened', trainee);
  const commands: CaseCommand[] = [
    {
      type: 'raiseConcern',
      category: 'teaching',
      description: 'x',
      evidence: null,
      source: null,
      seriousIncident: false,
    },
    {
      type: 'startStage',
      stageId: 'stage-1',
      entryId: 'not-yet-on-trajectory',
      reason: 'r',
      overview: '',
      evidence: { writtenReports: [], observationIds: [] },
    },
  ];
  for (const command of commands) must(await s.cases.execute(ct, id, command, cmd()));
  return id;
}

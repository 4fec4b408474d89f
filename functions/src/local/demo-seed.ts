import { randomUUID } from 'node:crypto';
import { demoEmail } from './graph/demo-graph-users';
import type { CaseCommand, OpenCaseCommand } from '@shared/domain/commands';
import type { Identity } from '@shared/domain/context';
import type { CaseView } from '@shared/domain/view';
import type { AppServices } from '../services/create-case-service';
import { demoPersonas } from './demo-personas';
import { demoProviders } from './demo-providers';

/** Raised when the demo seed cannot be applied (a programming error in the seed). */
export class DemoSeedError extends Error {
  override readonly name = 'DemoSeedError';
}

function persona(id: string) {
  const p = demoPersonas.find((x) => x.id === id);
  if (p === undefined) throw new DemoSeedError(`unknown persona ${id}`);
  return p;
}
const who = (id: string): Identity => ({
  tid: persona(id).tid,
  oid: persona(id).oid,
  name: persona(id).name,
});
const named = (id: string) => ({
  role: persona(id).role,
  name: persona(id).name,
  email: demoEmail(persona(id)),
  tid: persona(id).tid,
  oid: persona(id).oid,
});

type Step = readonly [string, Record<string, unknown>];

async function seedCase(
  services: Pick<AppServices, 'cases'>,
  providerId: string,
  opener: string,
  trainee: string,
  staff: string[],
  route: OpenCaseCommand['trainee']['route'],
  steps: readonly Step[],
) {
  const t = named(trainee);
  const input: OpenCaseCommand = {
    trainee: {
      name: t.name,
      email: t.email,
      tid: t.tid,
      oid: t.oid,
      route,
      subject: route === 'secondary' ? 'Mathematics' : 'Primary',
      school: 'Riverside School',
      placement: 'Placement A',
    },
    participants: staff.map(named),
  };
  const opened = await services.cases.openCase(who(opener), providerId, input, randomUUID());
  if (!opened.ok) throw new DemoSeedError(opened.refusal.message);
  for (const [actor, command] of steps) {
    const current = await services.cases.getCase(who(actor), opened.value.caseId);
    if (!current.ok) throw new DemoSeedError(current.refusal.message);
    const fill = command.fill as ((v: CaseView) => Record<string, unknown>) | undefined;
    const resolved = fill === undefined ? command : fill(current.value);
    const { fill: _fill, ...body } = resolved;
    const result = await services.cases.execute(
      who(actor),
      opened.value.caseId,
      body as unknown as CaseCommand,
      randomUUID(),
    );
    if (!result.ok) throw new DemoSeedError(`${String(body.type)}: ${result.refusal.message}`);
  }
}

const concern = (category: string, description: string, extra: Record<string, unknown> = {}) => ({
  type: 'raiseConcern',
  category,
  description,
  evidence: null,
  source: null,
  seriousIncident: false,
  ...extra,
});
const start = (stageId: string, reason: string, entryId?: string) => ({
  type: 'startStage',
  stageId,
  reason,
  overview: '',
  evidence: { writtenReports: [], observationIds: [] },
  ...(entryId === undefined ? {} : { entryId }),
});
const smart = (text: string) => ({
  type: 'addTarget',
  text,
  actions: ['Agree weekly action steps with the mentor'],
  indicators: [],
  monitoring: '',
  successCriteria: '',
});
const sharp = (text: string) => ({
  type: 'addTarget',
  text,
  actions: ['Plan with the mentor each week'],
  indicators: ['AI 2.3'],
  monitoring: 'Weekly observation',
  successCriteria: 'Two lessons judged securing',
});
const reviewAll = (met: boolean) => ({
  fill: (v: { stage: { plan: { targets: { targetId: string }[] } } | null }) => ({
    type: 'recordReview',
    heldOn: new Date().toISOString().slice(0, 10),
    outcomes: (v.stage?.plan.targets ?? []).map((t) => ({
      targetId: t.targetId,
      met,
      evidence: met ? 'Seen in lessons' : 'Not yet seen',
    })),
    notes: '',
  }),
});
const observe = (definitionId: string, observer: string) => ({
  fill: (v: { participants: { participantId: string; role: string; name: string }[] }) => ({
    type: 'recordObservation',
    observationDefinitionId: definitionId,
    date: new Date().toISOString().slice(0, 10),
    observers: v.participants
      .filter((p) => p.name === persona(observer).name)
      .map((p) => p.participantId),
    notes: 'Lesson observed',
  }),
});

/** Seeds both demo providers and trainees at different stages of both procedures (local mode only). */
export async function seedDemo(services: Pick<AppServices, 'cases' | 'providers'>): Promise<void> {
  for (const provider of demoProviders) {
    if ((await services.providers.get(provider.providerId)) !== undefined) continue;
    const saved = await services.providers.put(provider, null, null);
    if (!saved.ok) throw new DemoSeedError(saved.refusal.message);
  }
  const bf = 'bright-futures-scitt';
  const bfStaff = ['bf-programme-lead', 'bf-mentor', 'bf-professional-mentor'];
  await seedCase(services, bf, 'bf-programme-lead', 'bf-trainee-1', bfStaff, 'primary', [
    ['bf-mentor', concern('teaching', 'Lessons often lack a clear structure.')],
    ['bf-programme-lead', start('stage-1', 'Mentor raised a concern')],
    ['bf-programme-lead', smart('Plan every lesson with a clear learning objective')],
  ]);
  await seedCase(services, bf, 'bf-programme-lead', 'bf-trainee-2', bfStaff, 'early-primary', [
    ['bf-trainee-2', concern('wellbeing-workload', 'I am struggling to keep up with planning.')],
    ['bf-programme-lead', start('stage-1', 'Trainee self-referral')],
    ['bf-programme-lead', smart('Use shared planning for phonics')],
    ['bf-professional-mentor', observe('review-observation', 'bf-professional-mentor')],
    ['bf-professional-mentor', reviewAll(false)],
    ['bf-programme-lead', start('stage-2', 'Concerns ongoing after Stage 1')],
    ['bf-programme-lead', smart('Deliver three phonics sessions with the agreed routine')],
  ]);
  await seedCase(services, bf, 'bf-programme-lead', 'bf-trainee-3', bfStaff, 'secondary', []);
  const me = 'mid-essex-itt';
  const meStaff = [
    'me-course-tutor',
    'me-mentor',
    'me-professional-tutor',
    'me-lead-subject-tutor',
  ];
  await seedCase(services, me, 'me-course-tutor', 'me-trainee-1', meStaff, 'secondary', [
    ['me-professional-tutor', concern('teaching', 'Behaviour management is not consistent.')],
    ['me-course-tutor', start('pre-stage-1', 'Professional Tutor contacted Mid Essex ITT')],
    ['me-course-tutor', { type: 'completeDuty', dutyId: 'evidence-gathered', notes: '' }],
    ['me-course-tutor', start('stage-1', 'Individual Support Plan agreed')],
    ['me-course-tutor', sharp('Apply the school behaviour policy consistently')],
  ]);
  await seedCase(
    services,
    me,
    'me-course-tutor',
    'me-trainee-2',
    [...meStaff, 'me-director'],
    'secondary',
    [
      [
        'me-course-tutor',
        concern(
          'professional-conduct',
          'Serious breach of acceptable behaviour on a school trip.',
          { seriousIncident: true },
        ),
      ],
      ['me-course-tutor', start('stage-3', 'One-time serious incident', 'serious-incident')],
      ['me-course-tutor', sharp('Meet Part Two expectations on professional conduct')],
    ],
  );
  await seedCase(services, me, 'me-course-tutor', 'me-trainee-3', meStaff, 'primary', [
    [
      'me-course-tutor',
      concern('medical-circumstances', 'Occupational health advice received; adjustments agreed.'),
    ],
  ]);
}

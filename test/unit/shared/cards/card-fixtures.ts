import type { CaseSummary, CaseView, StageView } from '@shared/domain/view';

/** Inputs that try to inject links, formatting, date macros, template expressions and HTML (V4). */
export const hostile = [
  '[Click](https://evil.example)',
  '**URGENT**',
  '{{DATE(2017-02-14T06:08:00Z)}}',
  '${$root.medical}',
  '<img src=x onerror=alert(1)>',
] as const;

/** One string holding every hostile input. */
export const hostileText = hostile.join(' ');

/** A case id in the shape the service issues. */
export const caseId = 'mid-essex-itt.AbCdEfGhIjKlMnOpQr';

/** A stage view with two targets and two signer slots, one signed. */
export function stageView(text: (field: string) => string = (f) => f): StageView {
  return {
    instanceId: 'inst-0001',
    stageId: 'stage-1',
    label: text('Stage 1 ISP'),
    summary: text('An informal individual support plan.'),
    formal: false,
    startedOn: '2025-10-01',
    reason: text('reason'),
    rules: ['ME-19'],
    plan: {
      version: 3,
      overview: text('overview'),
      supportMeasures: text('support'),
      targetStyle: 'SHARP',
      maxTargets: 3,
      targets: [
        {
          targetId: 'target-0001',
          text: text('Plan lessons with clear objectives'),
          actions: [],
          indicators: [],
          monitoring: '',
          successCriteria: '',
        },
        {
          targetId: 'target-0002',
          text: text('Manage behaviour consistently'),
          actions: [],
          indicators: [],
          monitoring: '',
          successCriteria: '',
        },
      ],
      reviewDate: '2025-10-20',
    },
    reviewWindow: {
      earliest: '2025-10-15',
      latest: '2025-10-29',
      indicative: null,
      unit: 'school',
      rules: ['ME-20'],
      settings: [],
    },
    reviewOverdue: false,
    signers: [
      {
        role: 'trainee',
        roleLabel: text('Trainee'),
        participantId: 'part-0001',
        name: text('Sam Trainee'),
        signed: null,
      },
      {
        role: 'mentor',
        roleLabel: text('Mentor'),
        participantId: 'part-0002',
        name: text('Morgan Mentor'),
        signed: {
          participantId: 'part-0002',
          role: 'mentor',
          typedFullName: text('Morgan Mentor'),
          tid: 't',
          oid: 'o',
          signedAt: '2025-10-02T23:30:00Z',
          planVersion: 3,
          planHash: 'h',
        },
      },
    ],
    fullySigned: false,
    meetings: [],
    requiredMeetings: [
      {
        id: 'stage-1-meeting',
        label: text('Stage 1 meeting'),
        online: true,
        participants: ['trainee', 'mentor'],
        rules: ['ME-21'],
      },
    ],
    observations: [],
    reviews: [],
    duties: [],
    appeal: null,
    finalOutcome: null,
  };
}

/** A case view; `text` lets a test put hostile input in every free-text field. */
export function caseView(
  text: (field: string) => string = (f) => f,
  overrides: Partial<CaseView> = {},
): CaseView {
  return {
    caseId,
    providerId: 'mid-essex-itt',
    providerName: text('Mid Essex ITT'),
    procedure: { id: 'mid-essex-itt', version: '1', title: text('Individual Support Plan') },
    trainee: {
      name: text('Sam Trainee'),
      route: 'secondary',
      subject: text('Maths'),
      school: text('Hillside School'),
      placement: 'A',
    },
    status: { kind: 'open' },
    stage: stageView(text),
    completedStages: [],
    participants: [
      {
        participantId: 'part-0001',
        role: 'trainee',
        roleLabel: text('Trainee'),
        name: text('Sam Trainee'),
        active: true,
      },
      {
        participantId: 'part-0002',
        role: 'mentor',
        roleLabel: text('Mentor'),
        name: text('Morgan Mentor'),
        active: true,
      },
      {
        participantId: 'part-0003',
        role: 'courseTutor',
        roleLabel: text('Course tutor'),
        name: text('Chris Tutor'),
        active: true,
      },
    ],
    concerns: [
      {
        concernId: 'conc-0001',
        raisedAt: '2025-10-01T09:00:00Z',
        raisedByRole: 'mentor',
        category: 'health',
        categoryLabel: text('Health'),
        description: 'MEDICAL-SENTINEL',
        evidence: null,
        seriousIncident: false,
        specialCategory: true,
        redacted: false,
        acknowledgedAt: null,
        acknowledgedBy: null,
      },
    ],
    comments: [],
    imp: [],
    viewerRoles: ['mentor'],
    available: [
      {
        type: 'signPlan',
        label: text('Sign the plan'),
        rules: ['ME-28'],
        params: { planVersion: 3, role: 'mentor' },
      },
      {
        type: 'signPlan',
        label: text('Sign the plan'),
        rules: ['ME-28'],
        params: { planVersion: 3, role: 'professionalMentor' },
      },
      {
        type: 'scheduleMeeting',
        label: text('Schedule the Stage 1 meeting'),
        rules: ['ME-21'],
        params: { meetingDefinitionId: 'stage-1-meeting' },
      },
      { type: 'recordReview', label: 'Record the review', rules: ['ME-22'], params: {} },
      { type: 'addTarget', label: 'Add a target', rules: ['ME-23'], params: {} },
    ],
    ...overrides,
  };
}

/** A row of "my cases". */
export function caseSummary(n: number, text: (field: string) => string = (f) => f): CaseSummary {
  return {
    caseId: `mid-essex-itt.Case${String(n).padStart(14, '0')}`,
    providerId: 'mid-essex-itt',
    traineeName: text(`Trainee ${n}`),
    stageId: 'stage-1',
    stageLabel: text('Stage 1 ISP'),
    status: 'open',
    nextReviewDate: n % 2 === 0 ? '2025-10-20' : null,
    reviewOverdue: n % 3 === 0,
    viewerRoles: ['mentor'],
  };
}

import type { z } from 'zod';
import type { procedureDefinitionSchema } from './schema';

const staffOnly = ['courseTutor', 'leadSubjectTutor', 'programmeLead', 'director'] as const;
const planEditors = ['courseTutor', 'mentor', 'professionalMentor', 'leadSubjectTutor'] as const;
const sharp = (maxActions: number | { setting: string }, rules: string[]) => ({
  targetStyle: 'SHARP' as const,
  maxTargets: { setting: 'maxTargets' },
  maxActionsPerTarget: maxActions,
  requireIndicators: true,
  requireMonitoring: true,
  requireSuccessCriteria: true,
  editableBy: [...planEditors],
  rules,
});

/** The ISP review window: 5-10 days (ME-16), as written on the stage's form, counted. */
const ispReviewWindow = (formRule: string) => ({
  minDays: 5,
  maxDays: 10,
  unit: { setting: 'ispDayUnit' },
  indicativeDays: { setting: 'indicativeReviewDays' },
  setBy: ['courseTutor' as const, 'mentor' as const, 'professionalMentor' as const],
  rules: ['ME-12', 'ME-16', formRule, 'X-01', 'X-09'],
});

/**
 * Mid Essex ITT, "Individual Support Plan and Cause for Concern Procedure & Paperwork 2024-2025"
 * (seed 004_1ef76f26cc156ce9.txt). Readings of garbled text are noted beside the rule they shape.
 */
export const midEssexItt = {
  id: 'mid-essex-itt',
  version: '2024-2025', // ME-01: cases are pinned to this version
  providerName: 'Mid Essex ITT',
  title: 'Mid Essex ITT ISP and Cause for Concern Procedure 2024-2025',
  source: 'seeds/004_1ef76f26cc156ce9.txt',
  roleLabels: {
    professionalMentor: 'Professional Tutor',
    director: 'Director / Assistant Director',
    programmeLead: 'Programme Leader',
  },
  concern: {
    raisedBy: [
      'courseTutor',
      'professionalMentor',
      'mentor',
      'leadSubjectTutor',
      'programmeLead',
      'director',
    ], // ME-04, ME-05
    notify: [
      {
        when: ['mentor', 'professionalMentor'],
        notify: ['courseTutor'],
        rules: ['ME-05', 'ME-13'],
      }, // "Course Tutor must be contacted immediately"
    ],
    // Not acknowledged: the course tutor is chased, then the programme lead (ME-05).
    chase: [
      {
        step: 1,
        afterDays: { setting: 'concernChaseDays' },
        notify: ['courseTutor'],
        rules: ['ME-05'],
      },
      {
        step: 2,
        afterDays: { setting: 'concernEscalateDays' },
        notify: ['programmeLead'],
        rules: ['ME-05'],
      },
    ],
    categories: [
      {
        id: 'tasks-or-expected-level',
        label: 'Set tasks not completed by deadlines, or expected level not reached',
        rules: ['ME-08'],
      },
      { id: 'engagement', label: 'Lack of engagement with the taught programme', rules: ['ME-08'] },
      {
        id: 'relationships',
        label: 'Failure to build working or team relationships',
        rules: ['ME-08'],
      },
      {
        id: 'not-acting-on-advice',
        label: 'Consistently not acting on advice from mentors, PT, CT or staff',
        rules: ['ME-08'],
      },
      {
        id: 'teaching',
        label: 'Teaching causing concern (planning, behaviour, marking)',
        rules: ['ME-08'],
      },
      {
        id: 'advice-between-observations',
        label: 'Advice between observations repeatedly not acted on',
        rules: ['ME-08'],
      },
      { id: 'absence', label: 'Frequent absences, or absences harming pupils', rules: ['ME-08'] },
      {
        id: 'training-attendance',
        label: 'Non-attendance at Core or Subject Expert Training',
        rules: ['ME-08'],
      },
      {
        id: 'professional-conduct',
        label: 'Wider professional conduct (Teachers\u2019 Standards Part Two)',
        rules: ['ME-08'],
      },
      {
        id: 'not-yet-on-trajectory',
        label: 'Not yet on trajectory at a curriculum stage',
        rules: ['ME-24'],
      },
      {
        id: 'medical-circumstances',
        label: 'Medical circumstances',
        specialCategory: true,
        rules: ['ME-23'],
      },
    ],
    rules: ['ME-03', 'ME-04', 'ME-06'],
  },
  caseOpenedBy: ['courseTutor', 'programmeLead', 'director'],
  participantsManagedBy: ['courseTutor', 'programmeLead', 'director'],
  notifyOnStageEvents: {
    roles: ['trainee', 'mentor', 'professionalMentor', 'courseTutor'],
    rules: ['ME-07', 'ME-18'],
  },
  specialCategoryVisibleTo: { setting: 'specialCategoryRoles' },
  commentStaffNotesBy: ['mentor', 'professionalMentor', ...staffOnly],
  impRecordedBy: ['courseTutor', 'leadSubjectTutor', 'programmeLead'],
  // ME-06: interventions are recorded on the ISP paperwork; the staff who run the procedure enter it.
  paperRecords: { by: ['courseTutor', 'programmeLead', 'director'], rules: ['ME-06', 'ME-07'] },
  observationsRecordedBy: [
    'mentor',
    'professionalMentor',
    'courseTutor',
    'leadSubjectTutor',
    'programmeLead',
    'director',
  ],
  closuresWithoutStage: [
    {
      id: 'no-further-action',
      label: 'No further action needed',
      by: ['courseTutor', 'programmeLead'],
      rules: ['ME-02'],
    },
  ],
  stages: [
    {
      id: 'pre-stage-1',
      label: 'Pre-Stage 1 discussion',
      summary:
        'The Course Tutor gathers information and evidence from the school before meeting the trainee. No targets, no signatures.',
      formal: false,
      entries: [
        {
          id: 'school-contact',
          label: 'Professional Tutor contacted Mid Essex ITT',
          from: ['none'],
          by: ['courseTutor'],
          guards: [{ name: 'concernRaised', rules: ['ME-13'] }],
          rules: ['ME-13', 'ME-14'],
        },
      ],
      meetings: [
        {
          id: 'pre-stage-1-discussion',
          label: 'Pre-Stage 1 discussion',
          participants: ['courseTutor', 'mentor', 'professionalMentor'],
          online: null,
          scheduledBy: ['courseTutor'],
          rules: ['ME-15'],
        },
      ],
      duties: [
        {
          id: 'evidence-gathered',
          label:
            'Information and evidence gathered from PT, mentor (and Lead Subject Tutor as required)',
          by: ['courseTutor'],
          rules: ['ME-14'],
        },
      ],
      closures: [
        {
          id: 'no-isp-needed',
          label: 'Resolved without a support plan',
          by: ['courseTutor'],
          rules: ['ME-15'],
        },
      ],
      rules: ['ME-09', 'ME-13', 'ME-14', 'ME-15'],
    },
    {
      id: 'stage-1',
      label: 'Stage 1: Individual Support Plan',
      summary:
        'Extra help and intervention, not a judgement of failing. At most three SHARP targets, reviewed in 5 to 10 days.',
      formal: true,
      entries: [
        {
          id: 'isp',
          label: 'Start an Individual Support Plan',
          from: ['pre-stage-1'],
          by: { setting: 'ispStartedBy' },
          guards: [{ name: 'dutiesComplete', rules: ['ME-14'] }],
          rules: ['ME-07', 'X-03'],
        },
        {
          id: 'not-yet-on-trajectory',
          label: 'Not yet on trajectory: support plan first',
          from: ['none'],
          by: { setting: 'ispStartedBy' },
          guards: [{ name: 'concernRaised', rules: ['ME-24'] }],
          rules: ['ME-24', 'X-03'],
        },
      ],
      plan: sharp({ setting: 'stage1MaxActions' }, ['ME-06', 'ME-19', 'ME-26', 'X-06']),
      reviewDate: ispReviewWindow('ME-27'),
      review: {
        by: ['mentor', 'professionalMentor', 'courseTutor'],
        rules: ['ME-20', 'ME-25', 'ME-29', 'X-04'],
      },
      meetings: [
        {
          id: 'stage-1-meeting',
          label: 'Stage 1 ISP meeting',
          participants: ['mentor', 'professionalMentor', 'trainee'],
          online: null,
          scheduledBy: ['courseTutor', 'mentor', 'professionalMentor'],
          rules: ['ME-25'],
        },
      ],
      signatures: {
        signers: { setting: 'stage1Signers' },
        mode: 'one-per-role',
        rules: ['ME-28', 'ME-80', 'X-04'],
      },
      closures: [
        {
          id: 'targets-met',
          label: 'Targets met: support plan completed',
          by: ['courseTutor'],
          guards: [{ name: 'latestReviewAllMet', rules: ['ME-20'] }],
          rules: ['ME-17', 'ME-20'],
        },
      ],
      rules: ['ME-09', 'ME-16', 'ME-17', 'ME-18', 'ME-19'],
    },
    {
      id: 'stage-2',
      label: 'Stage 2: Individual Support Plan',
      summary:
        'One or more Stage 1 targets were not met. A second plan of at most three SHARP targets, reviewed in 5 to 10 days.',
      formal: true,
      entries: [
        {
          id: 'insufficient-progress',
          label: 'Stage 1 targets not met',
          from: ['stage-1'],
          by: { setting: 'ispStartedBy' },
          guards: [
            { name: 'latestReviewHasUnmetTarget', rules: ['ME-20'] },
            {
              name: 'timescaleExhausted',
              params: { setting: 'enforceTimescale' },
              rules: ['ME-11', 'X-08'],
            },
          ],
          rules: ['ME-20', 'X-03'],
        },
      ],
      plan: sharp(3, ['ME-06', 'ME-19', 'ME-31']),
      reviewDate: ispReviewWindow('ME-32'),
      review: {
        by: ['mentor', 'professionalMentor', 'courseTutor'],
        multiple: true,
        rules: ['ME-20', 'ME-34'],
      },
      meetings: [
        {
          id: 'stage-2-meeting',
          label: 'Stage 2 ISP meeting',
          participants: ['mentor', 'professionalMentor', 'courseTutor', 'trainee'],
          online: null,
          scheduledBy: ['courseTutor'],
          rules: ['ME-30'],
        },
      ],
      signatures: {
        signers: ['trainee', 'mentor', 'professionalMentor', 'courseTutor', 'leadSubjectTutor'],
        mode: 'one-per-role',
        rules: ['ME-33', 'ME-80'],
      },
      closures: [
        {
          id: 'targets-met',
          label: 'Targets met: support plan completed',
          by: ['courseTutor'],
          guards: [{ name: 'latestReviewAllMet', rules: ['ME-20'] }],
          rules: ['ME-17', 'ME-20'],
        },
      ],
      rules: ['ME-09', 'ME-16', 'ME-20'],
    },
    {
      id: 'stage-3',
      label: 'Stage 3: Cause for Concern',
      summary:
        'A formal, developmental Cause for Concern: at most three SHARP targets for no longer than 10 days, with increased support and monitoring.',
      formal: true,
      entries: [
        {
          id: 'isp-unsuccessful',
          label: 'Targets not met at both Stage 1 and Stage 2',
          from: ['stage-2'],
          by: { setting: 'cfcStartedBy' },
          guards: [
            { name: 'latestReviewHasUnmetTarget', rules: ['ME-10'] },
            {
              name: 'stagesEndedWithUnmetTargets',
              params: { stages: ['stage-1', 'stage-2'] },
              rules: ['ME-36'],
            },
            {
              name: 'timescaleExhausted',
              params: { setting: 'enforceTimescale' },
              rules: ['ME-11', 'X-08'],
            },
          ],
          rules: ['ME-10', 'ME-22', 'ME-35', 'ME-36', 'X-03'],
        },
        {
          id: 'serious-incident',
          label: 'One-time serious incident (fast track)',
          from: ['none', 'pre-stage-1', 'stage-1', 'stage-2'],
          by: { setting: 'cfcStartedBy' },
          guards: [
            {
              name: 'settingEnabled',
              params: { setting: 'seriousIncidentFastTrack' },
              rules: ['X-07'],
            },
            { name: 'seriousIncidentRaised', rules: ['ME-21'] },
          ],
          rules: ['ME-21', 'X-07', 'X-08'],
        },
        {
          id: 'extreme-case',
          label: 'Extreme case: children\u2019s education and welfare severely affected',
          // Observations are recorded within a stage, so the evidence is gathered at Pre-Stage 1 at the earliest.
          from: ['pre-stage-1', 'stage-1', 'stage-2'],
          by: { setting: 'cfcStartedBy' },
          guards: [
            {
              name: 'settingEnabled',
              params: { setting: 'extremeCaseFastTrack' },
              rules: ['X-07'],
            },
            { name: 'writtenEvidence', params: { reports: 1, observations: 1 }, rules: ['ME-51'] },
          ],
          rules: ['ME-51', 'X-07', 'X-08'],
        },
        {
          id: 'reissue',
          label: 'Reissue the Cause for Concern (exceptional circumstances)',
          from: ['stage-3', 'stage-4'],
          by: ['director'],
          rules: ['ME-53', 'X-08'],
        },
      ],
      plan: sharp(3, ['ME-38', 'ME-39', 'ME-40', 'ME-41', 'ME-55']),
      reviewDate: {
        minDays: null,
        maxDays: 10,
        unit: { setting: 'cfcDayUnit' },
        setBy: ['courseTutor', 'director'],
        warnBeforeMaximum: true, // ME-37: in place for no longer than 10 working days
        rules: ['ME-37', 'ME-48', 'ME-54', 'ME-56', 'ME-58', 'X-01', 'X-02'],
      },
      meetings: [
        {
          id: 'cfc-meeting',
          label: 'Cause for Concern meeting to agree SHARP targets',
          participants: ['courseTutor', 'mentor', 'trainee', 'professionalMentor', 'director'],
          requiredAttendees: ['courseTutor', 'mentor', 'trainee'], // ME-46: the formal meeting
          online: null,
          scheduledBy: ['courseTutor', 'director'],
          rules: ['ME-46', 'ME-54'],
        },
      ],
      observations: [
        {
          id: 'joint-observation',
          label: 'Initial joint observation',
          observers: [
            ['mentor', 'courseTutor'],
            ['mentor', 'leadSubjectTutor'],
          ],
          rules: ['ME-44'],
        },
      ],
      signatures: {
        signers: { setting: 'cfcSigners' },
        mode: 'one-per-role',
        rules: ['ME-57', 'ME-80', 'X-05'],
      },
      duties: [
        {
          id: 'programme-leadership-informed',
          label: 'Programme leadership informed',
          by: ['courseTutor'],
          notify: ['programmeLead', 'director'],
          rules: ['ME-43'],
        },
        {
          id: 'record-sent-to-headteacher',
          label:
            'Record of the Cause for Concern meeting sent to the Headteacher or representative',
          by: ['courseTutor', 'director'],
          rules: ['ME-43'],
        },
        {
          id: 'evidence-moderated',
          label: 'Course Tutor moderated the evidence with the mentor',
          by: ['courseTutor'],
          rules: ['ME-45'],
        },
        {
          id: 'explicit-actions-agreed',
          label: 'Explicit actions for trainee, mentor and Course Tutor agreed',
          by: ['courseTutor'],
          rules: ['ME-42', 'ME-47'],
        },
      ],
      rules: ['ME-35', 'ME-42', 'ME-49', 'ME-50', 'ME-52'],
    },
    {
      id: 'stage-4',
      label: 'Stage 4: Final review',
      summary:
        'The Cause for Concern targets are reviewed with the full range of evidence. Two outcomes only: the Cause for Concern ends, or the trainee fails the programme.',
      formal: true,
      entries: [
        {
          id: 'final-review',
          label: 'Hold the final review',
          from: ['stage-3'],
          by: ['courseTutor', 'director'],
          // Stage 4 follows "the first cause for Concern meeting and observation": what Stage 3 requires.
          guards: [
            { name: 'targetsSet', params: { min: 1 }, rules: ['ME-41', 'ME-55'] },
            { name: 'meetingHeld', params: { meeting: 'cfc-meeting' }, rules: ['ME-46', 'ME-59'] },
            {
              name: 'observationRecorded',
              params: { observation: 'joint-observation' },
              rules: ['ME-44', 'ME-59'],
            },
            { name: 'planFullySigned', rules: ['ME-57', 'ME-48'] },
          ],
          rules: ['ME-48', 'ME-58', 'ME-59'],
        },
      ],
      carryPlan: true,
      // ME-59 counts from the first CfC meeting and observation; we anchor on Stage 3's start date, which is that meeting's date.
      reviewDate: {
        minDays: null,
        maxDays: 10,
        unit: { setting: 'cfcDayUnit' },
        anchor: 'previousStageStart',
        setBy: ['courseTutor', 'director'],
        warnBeforeMaximum: true, // ME-59: no later than ten working days after the first CfC meeting
        rules: ['ME-58', 'ME-59', 'X-02'],
      },
      review: { by: ['courseTutor', 'director', 'leadSubjectTutor'], rules: ['ME-55', 'ME-60'] },
      finalOutcome: true,
      closures: [
        {
          id: 'cfc-ended',
          label: 'Sufficient progress: the Cause for Concern ends',
          by: ['courseTutor', 'director'],
          guards: [
            {
              name: 'finalOutcomeConditions',
              params: { progress: 'sufficient' },
              rules: ['ME-61'],
            },
          ],
          rules: ['ME-61'],
        },
      ],
      rules: ['ME-59', 'ME-60', 'ME-61', 'ME-62'],
    },
    {
      id: 'stage-5',
      label: 'Stage 5: Programme terminated and right of appeal',
      summary:
        'The programme is terminated subject to partnership protocols. The trainee meets the Director and is told of the right of appeal.',
      formal: true,
      entries: [
        {
          id: 'fails-programme',
          label: 'Insufficient progress: the trainee fails the programme',
          from: ['stage-4'],
          by: ['director', 'courseTutor'],
          guards: [
            {
              name: 'finalOutcomeConditions',
              params: { progress: 'insufficient' },
              rules: ['ME-62'],
            },
          ],
          rules: ['ME-62', 'ME-63'],
        },
      ],
      appeal: true,
      meetings: [
        {
          id: 'director-meeting',
          label: 'Meeting with the Director',
          participants: ['director', 'trainee'],
          requiredAttendees: ['director', 'trainee'], // "the trainee meets with the Director"
          online: null,
          scheduledBy: ['director'],
          rules: ['ME-64'],
        },
      ],
      duties: [
        {
          id: 'programme-terminated',
          label: 'Programme terminated under partnership protocols',
          by: ['director'],
          rules: ['ME-63'],
        },
        {
          id: 'director-meeting-record',
          label: 'Director meeting held and record completed',
          by: ['director'],
          requiresMeeting: 'director-meeting',
          rules: ['ME-64'],
        },
        {
          id: 'right-of-appeal-informed',
          label: 'Trainee informed of the right of appeal',
          by: ['director'],
          effect: 'appeal-informed',
          rules: ['ME-65', 'ME-69'],
        },
        {
          id: 'exit-interview',
          label: 'Exit interview record completed',
          by: ['director', 'courseTutor'],
          onlyIf: { appeal: 'declined' },
          rules: ['ME-66'],
        },
        {
          id: 'formal-letter',
          label: 'Formal letter sent to the trainee, copied to the Course Tutor',
          by: ['director'],
          notify: ['courseTutor'],
          rules: ['ME-67'],
        },
        {
          id: 'school-report',
          label: 'Programme leaders met the school: report of issues and actions',
          by: ['programmeLead', 'director'],
          rules: ['ME-68'],
        },
      ],
      closures: [
        {
          id: 'termination-overturned',
          label: 'Appeal upheld: termination overturned',
          by: ['director'],
          guards: [{ name: 'appealResolved', params: { allowed: ['upheld'] }, rules: ['ME-69'] }],
          rules: ['ME-69'],
        },
      ],
      rules: ['ME-63', 'ME-64', 'ME-65', 'ME-66', 'ME-67', 'ME-68', 'ME-69'],
    },
    {
      id: 'stage-6',
      label: 'Stage 6: Decision to the DfE',
      summary:
        'The recommending board confirms the final decision; a failed trainee is withdrawn in Register.',
      formal: true,
      entries: [
        {
          id: 'to-board',
          label: 'Refer to the recommending board',
          from: ['stage-5'],
          by: ['director'],
          guards: [
            {
              name: 'appealResolved',
              params: { allowed: ['declined', 'dismissed'] },
              rules: ['ME-65', 'ME-69'],
            },
            { name: 'dutiesComplete', rules: ['ME-63', 'ME-64', 'ME-66', 'ME-67', 'ME-68'] },
          ],
          rules: ['ME-70'],
        },
      ],
      closures: [
        {
          id: 'withdrawn',
          label: 'Board confirmed: trainee withdrawn (DfE Register)',
          by: ['director', 'programmeLead'],
          rules: ['ME-70'],
        },
        {
          id: 'not-confirmed',
          label: 'Board did not confirm the decision',
          by: ['director', 'programmeLead'],
          rules: ['ME-70'],
        },
      ],
      rules: ['ME-70'],
    },
  ],
  settings: [
    {
      key: 'stage1Signers',
      label: 'Who signs the Stage 1 plan',
      description:
        'The Stage 1 reviewers are the Mentor and Professional Tutor, yet the signature block has "Reviewed by Course Tutor" (X-04). Default: as the form, the Course Tutor signs as reviewer.',
      type: 'roles',
      default: ['trainee', 'mentor', 'professionalMentor', 'courseTutor', 'leadSubjectTutor'],
      rules: ['X-04', 'ME-28'],
    },
    {
      key: 'seriousIncidentFastTrack',
      label: 'Fast track to Cause for Concern for a one-time serious incident',
      description:
        'ME-21 and ME-51 are two different fast tracks; whether both lead to the same path is unclear (X-07). Default: both go straight to Stage 3, each with its own evidence.',
      type: 'boolean',
      default: true,
      rules: ['X-07', 'ME-21'],
    },
    {
      key: 'extremeCaseFastTrack',
      label: 'Fast track to Cause for Concern in extreme cases (written reports and observations)',
      description:
        'See X-07. Default: allowed, only with written reports and recorded observations (ME-51).',
      type: 'boolean',
      default: true,
      rules: ['X-07', 'ME-51'],
    },
    {
      key: 'ispDayUnit',
      label: 'Days counted for Stage 1 and 2 reviews',
      description:
        'The narrative says working days (ME-16) but the forms say school days (ME-27, ME-32). Default: school days, as on the forms.',
      type: 'dayUnit',
      default: 'school',
      rules: ['X-01'],
    },
    {
      key: 'cfcDayUnit',
      label: 'Days counted for the Cause for Concern period',
      description:
        '"10 days maximum" on the forms (ME-54, ME-58) does not say which days; the narrative says working days (ME-37, ME-48, ME-59). Default: working days.',
      type: 'dayUnit',
      default: 'working',
      rules: ['X-01', 'X-02'],
    },
    {
      key: 'ispStartedBy',
      label: 'Who starts Stages 1 and 2',
      description:
        'The procedure does not name who decides each stage transition. Default: the Course Tutor or Programme Leader.',
      type: 'roles',
      default: ['courseTutor', 'programmeLead'],
      rules: ['X-03'],
    },
    {
      key: 'cfcStartedBy',
      label: 'Who issues a Cause for Concern',
      description:
        'Not named in the procedure. Default: the Course Tutor or the Director / Assistant Director.',
      type: 'roles',
      default: ['courseTutor', 'director'],
      rules: ['X-03'],
    },
    {
      key: 'cfcSigners',
      label: 'Who signs the Cause for Concern plan',
      description:
        'The Stage 3 signature block omits the Lead Subject Tutor (ME-57) though they sign Stages 1 and 2. Default: as the form.',
      type: 'roles',
      default: ['trainee', 'mentor', 'professionalMentor', 'courseTutor', 'director'],
      rules: ['X-05'],
    },
    {
      key: 'stage1MaxActions',
      label: 'Maximum actions per Stage 1 target',
      description:
        'The Stage 1 actions column has no "(3 maximum)", unlike Stages 2 and 3. Default: no maximum, as written.',
      type: 'nullableNumber',
      default: null,
      rules: ['X-06'],
    },
    {
      key: 'maxTargets',
      label: 'Maximum targets per plan',
      description: 'ME-19 and every form: three targets maximum.',
      type: 'number',
      default: 3,
      rules: ['ME-19', 'ME-26'],
    },
    {
      key: 'enforceTimescale',
      label: 'Escalate only after the review',
      description:
        'ME-11: no further stage until the timescale is exhausted. Default on; the fast tracks (ME-21, ME-51) and reissue (ME-53) are exempt.',
      type: 'boolean',
      default: true,
      rules: ['ME-11', 'X-08'],
    },
    {
      key: 'indicativeReviewDays',
      label: 'Indicative review point (days)',
      description:
        'Rebuilt from garbled text: "All plans have an indicative two week time frame for review". Shown as indicative only. Default: 10 days.',
      type: 'nullableNumber',
      default: 10,
      rules: ['ME-12', 'X-09'],
    },
    {
      key: 'outcome2AgreementScope',
      label: 'Outcome 2 agreement applies to',
      description:
        'ME-62 is ambiguous whether the agreement of school, Lead Subject Tutor and Course Tutor/Director covers both grounds. Default: both grounds (the safer reading).',
      type: 'choice',
      choices: ['both', 'unlikely-only'],
      default: 'both',
      rules: ['X-11'],
    },
    {
      key: 'reviewNoticeDays',
      label: 'Remind the reviewers this many school days before a review is due',
      description:
        'The review dates of ME-16, ME-27, ME-32 and ME-48 reach the reviewers ahead of time, then on the day. Default: 3 school days.',
      type: 'number',
      default: 3,
      rules: ['ME-16', 'ME-48'],
    },
    {
      key: 'signatureChaseDays',
      label: 'Chase missing signatures after this many working days',
      description:
        'Every plan is signed by the people on its form (ME-28, ME-33, ME-57). Counted from the first signature on the plan version. Default: 3 working days.',
      type: 'number',
      default: 3,
      rules: ['ME-28', 'ME-33', 'ME-57'],
    },
    {
      key: 'concernChaseDays',
      label: 'Chase the Course Tutor this many working days after a concern raised at the school',
      description:
        'ME-05: when school colleagues raise a concern between visits, "the Course Tutor must be contacted immediately". Not acknowledged by then, the Course Tutor is reminded. Default: 1 working day.',
      type: 'number',
      default: 1,
      rules: ['ME-05'],
    },
    {
      key: 'concernEscalateDays',
      label:
        'Tell the Programme Leader this many working days after a concern still not acknowledged',
      description:
        "ME-05: the next step of the chase goes to the Programme Leader (the one on the case, else the provider's). Acknowledging the concern ends every step. Default: 2 working days.",
      type: 'number',
      default: 2,
      rules: ['ME-05'],
    },
    {
      key: 'windowWarningDays',
      label: 'Warn this many working days before a maximum period passes',
      description:
        'The Cause for Concern lasts no longer than 10 working days (ME-37) and the final review is held no later than ten working days after the first Cause for Concern meeting (ME-59). Default: 2 working days before.',
      type: 'number',
      default: 2,
      rules: ['ME-37', 'ME-59'],
    },
    {
      key: 'specialCategoryRoles',
      label: 'Who may see medical circumstances',
      description:
        'Special category data. Default: the trainee, Course Tutor, Programme Leader and Director.',
      type: 'roles',
      default: ['trainee', 'courseTutor', 'programmeLead', 'director'],
      rules: ['ME-23'],
    },
  ],
  notices: [
    {
      id: 'confidential',
      text: 'CONFIDENTIAL \u2013 INDIVIDUAL SUPPORT PLAN AND CAUSE FOR CONCERN PAPERWORK. Access is restricted to the people in the case; exports carry this header.',
      rules: ['ME-79'],
    },
    {
      id: 'principles',
      text: 'Trainees are treated fairly, with early intervention, in a supporting and caring environment; staff use professional judgement and evidence.',
      rules: ['ME-02'],
    },
    {
      id: 'grade-scale',
      text: 'Grades: insufficient/cause for concern, emerging, developing, securing, excelling, or no opportunity. CORE values: committed, optimistic, research-engaged, effective.',
      rules: ['ME-72'],
    },
    {
      id: 'remain-teaching',
      text: 'A trainee with a Cause for Concern normally remains teaching; the timetable is adjusted only where necessary.',
      rules: ['ME-50'],
    },
    {
      id: 'leave-placement',
      text: 'If the concerns are not addressed, the trainee may be asked to leave the placement.',
      rules: ['ME-52'],
    },
  ],
  // Overdue reviews climb a ladder: the people who can act, then programme leadership, then the Director (ME-22, ME-43).
  overdueLadder: [
    {
      rung: 1,
      afterDays: 0,
      notify: ['courseTutor', 'programmeLead', 'director'],
      rules: ['ME-16', 'ME-27', 'ME-48'],
    },
    { rung: 2, afterDays: 2, notify: ['programmeLead', 'director'], rules: ['ME-11', 'ME-43'] },
    { rung: 3, afterDays: 5, notify: ['director'], rules: ['ME-22'] },
  ],
  grades: ['insufficient', 'emerging', 'developing', 'securing', 'excelling', 'no-opportunity'],
  coreValues: ['committed', 'optimistic', 'research-engaged', 'effective'],
  imp: [
    {
      id: 'IMP1',
      label: 'IMP 1 (end of Secure Foundations)',
      expectations: [
        'Emerging is acceptable; developing is possible; not yet excelling',
        'Some CORE values',
      ],
      minCoreValues: 1,
      triggers: [
        // "in the main" read as at least half of the graded indicators
        {
          id: 'imp1-insufficient',
          label: 'Progress in the main insufficient / cause for concern',
          kind: 'shareOfGrades',
          grades: ['insufficient'],
          atLeast: 0.5,
          recommendation: 'support-plan',
          rules: ['ME-74'],
        },
        {
          id: 'imp1-part-two',
          label: 'Not meeting all expectations of Part Two',
          kind: 'partTwoNotMet',
          recommendation: 'support-plan',
          rules: ['ME-74'],
        },
      ],
      checks: [
        {
          id: 'imp1-not-excelling',
          label:
            'Judged excelling at IMP 1: a trainee should not be judged as excelling at this early stage',
          kind: 'noneOf',
          grades: ['excelling'],
          severity: 'warning',
          rules: ['ME-73'],
        },
        {
          id: 'imp1-emerging-or-developing',
          label: 'Expected in the main emerging or developing at IMP 1',
          kind: 'mainly',
          grades: ['emerging', 'developing', 'securing'],
          atLeast: 0.5,
          severity: 'note',
          rules: ['ME-73'],
        },
        {
          id: 'imp1-core-values',
          label: 'Expected to show some CORE values at IMP 1',
          kind: 'coreValues',
          min: 1,
          severity: 'warning',
          rules: ['ME-73'],
        },
      ],
      rules: ['ME-71', 'ME-73', 'ME-74'],
    },
    {
      id: 'IMP2',
      label: 'IMP 2 (end of Revisit and Practice)',
      expectations: [
        'Mainly developing and securing; may be excelling in some areas',
        'Some CORE values',
      ],
      minCoreValues: 1,
      triggers: [
        // "significant" read as at least a third of the graded indicators
        {
          id: 'imp2-emerging',
          label: 'Significant emerging grades: risk of failure',
          kind: 'shareOfGrades',
          grades: ['emerging', 'insufficient'],
          atLeast: 0.34,
          recommendation: 'support-plan-or-cfc',
          rules: ['ME-76'],
        },
        {
          id: 'imp2-no-opportunity',
          label: 'No opportunity at placement A or B against an indicator',
          kind: 'noOpportunityAtPlacement',
          grades: ['no-opportunity'],
          recommendation: 'high-priority',
          rules: ['ME-76'],
        },
        {
          id: 'imp2-part-two',
          label: 'Not meeting all expectations of Part Two',
          kind: 'partTwoNotMet',
          recommendation: 'support-plan-or-cfc',
          rules: ['ME-76'],
        },
      ],
      checks: [
        {
          id: 'imp2-developing-securing',
          label: 'Expected mainly developing and securing (excelling in some areas) at IMP 2',
          kind: 'mainly',
          grades: ['developing', 'securing', 'excelling'],
          atLeast: 0.5,
          severity: 'warning',
          rules: ['ME-75'],
        },
        {
          id: 'imp2-core-values',
          label: 'Expected to show some CORE values at IMP 2',
          kind: 'coreValues',
          min: 1,
          severity: 'warning',
          rules: ['ME-75'],
        },
      ],
      rules: ['ME-71', 'ME-75', 'ME-76'],
    },
    {
      id: 'IMP3',
      label: 'IMP 3 (end of Looking Ahead and Transition)',
      expectations: [
        'Securing or excelling against most if not all indicators',
        'All four CORE values',
      ],
      minCoreValues: 4,
      triggers: [
        {
          id: 'imp3-emerging',
          label: 'Still emerging in an area',
          kind: 'anyGrade',
          grades: ['emerging'],
          recommendation: 'final-stage-cfc',
          rules: ['ME-78'],
        },
        {
          id: 'imp3-insufficient',
          label: 'Insufficient or no opportunity in an area',
          kind: 'anyGrade',
          grades: ['insufficient', 'no-opportunity'],
          recommendation: 'final-stage-cfc',
          rules: ['ME-78'],
        },
        {
          id: 'imp3-part-two',
          label: 'Not meeting all expectations of Part Two',
          kind: 'partTwoNotMet',
          recommendation: 'final-stage-cfc',
          rules: ['ME-78'],
        },
        {
          id: 'imp3-standards',
          label:
            'Teachers\u2019 Standards not met in full (ratified at the Final Assessment Board)',
          kind: 'standardsNotMetInFull',
          recommendation: 'final-stage-cfc',
          rules: ['ME-78'],
        },
      ],
      checks: [
        {
          id: 'imp3-securing-excelling',
          label: 'Expected securing or excelling against most, if not all, indicators at IMP 3',
          kind: 'mainly',
          grades: ['securing', 'excelling'],
          atLeast: 0.75, // "most, if not all" read as at least three quarters
          severity: 'warning',
          rules: ['ME-77'],
        },
        {
          id: 'imp3-developing-ect',
          label: 'Developing in some areas: these inform the ECT targets',
          kind: 'noted',
          grades: ['developing'],
          severity: 'note',
          rules: ['ME-77'],
        },
        {
          id: 'imp3-core-values',
          label: 'Expected to show all four CORE values at IMP 3',
          kind: 'coreValues',
          min: 4,
          severity: 'warning',
          rules: ['ME-77'],
        },
      ],
      rules: ['ME-71', 'ME-77', 'ME-78'],
    },
  ],
} satisfies z.input<typeof procedureDefinitionSchema>;

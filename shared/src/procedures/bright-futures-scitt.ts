import type { z } from 'zod';
import type { procedureDefinitionSchema } from './schema';

const smart = (rules: string[]) => ({
  targetStyle: 'SMART' as const,
  maxTargets: { setting: 'maxTargets' }, // BF-30: no cap unless the provider sets one
  maxActionsPerTarget: null,
  requireIndicators: false,
  requireMonitoring: false,
  requireSuccessCriteria: false,
  editableBy: ['programmeLead' as const],
  rules,
});
const window = (rules: string[]) => ({
  minDays: { setting: 'reviewMinDays' },
  maxDays: { setting: 'reviewMaxDays' },
  unit: { setting: 'reviewDayUnit' },
  setBy: ['programmeLead' as const],
  rules: [...rules, 'BF-30', 'X-01'],
});
const ongoing = { name: 'latestReviewHasUnmetTarget' as const, rules: ['BF-11'] };

/**
 * Bright Futures SCITT Support Process (seed 000_41e8a204ccf05ed3.txt). Three stages and a
 * discretionary Director meeting. The source sets no durations, no target cap and no signatures
 * at Stages 1 and 3 (BF-30): those stay settings, and no Mid Essex limit is copied here.
 */
export const brightFuturesScitt = {
  id: 'bright-futures-scitt',
  version: 'current',
  providerName: 'Bright Futures SCITT',
  title: 'Bright Futures SCITT Support Process',
  source: 'seeds/000_41e8a204ccf05ed3.txt',
  // "Lead", "Programme Lead" and "SCITT lead" read as one role.
  roleLabels: {
    programmeLead: 'Programme Lead',
    professionalMentor: 'Professional Mentor',
    director: 'SCITT Director',
  },
  concern: {
    raisedBy: ['professionalMentor', 'mentor', 'trainee', 'programmeLead'], // BF-03 includes the trainee
    notify: [
      {
        when: ['professionalMentor', 'mentor', 'trainee'],
        notify: ['programmeLead'],
        rules: ['BF-04'],
      },
    ],
    categories: [
      { id: 'teaching', label: 'Teaching and planning', rules: ['BF-03'] },
      { id: 'progress', label: 'Progress against targets', rules: ['BF-03'] },
      { id: 'professional-conduct', label: 'Professional conduct', rules: ['BF-03'] },
      { id: 'attendance', label: 'Attendance and engagement', rules: ['BF-03'] },
      { id: 'wellbeing-workload', label: 'Wellbeing and workload', rules: ['BF-03'] },
      {
        id: 'medical-circumstances',
        label: 'Medical circumstances',
        specialCategory: true,
        rules: ['BF-03'],
      },
    ],
    rules: ['BF-03', 'BF-04'],
  },
  caseOpenedBy: ['programmeLead', 'director'],
  participantsManagedBy: ['programmeLead', 'director'],
  notifyOnStageEvents: {
    roles: ['programmeLead', 'mentor', 'professionalMentor', 'trainee'],
    rules: ['BF-01'],
  },
  specialCategoryVisibleTo: { setting: 'specialCategoryRoles' },
  commentStaffNotesBy: ['programmeLead', 'director', 'mentor', 'professionalMentor'],
  impRecordedBy: ['programmeLead'],
  // BF-21: the plan is retained as part of the student's record; the programme staff enter it.
  paperRecords: { by: ['programmeLead', 'director'], rules: ['BF-21'] },
  observationsRecordedBy: ['professionalMentor', 'mentor', 'programmeLead', 'director'],
  closuresWithoutStage: [
    {
      id: 'no-further-action',
      label: 'No further action needed',
      by: ['programmeLead'],
      rules: ['BF-01'],
    },
  ],
  stages: [
    {
      id: 'stage-1',
      label: 'Stage 1 (informal)',
      summary:
        'A preliminary online meeting agrees SMART targets and action steps; the Professional Mentor observes and reviews on the agreed date and feeds back to the Lead.',
      formal: false,
      entries: [
        {
          id: 'concern',
          label: 'Concerns raised: Lead contacted',
          from: ['none'],
          by: ['programmeLead'],
          guards: [{ name: 'concernRaised', rules: ['BF-03', 'BF-04'] }],
          rules: ['BF-02', 'BF-04', 'X-03'],
        },
      ],
      plan: smart(['BF-07']),
      reviewDate: window(['BF-08']),
      review: {
        by: ['professionalMentor'],
        requiresObservation: 'review-observation',
        onAgreedDate: true,
        rules: ['BF-08', 'BF-10'],
      },
      meetings: [
        {
          id: 'preliminary-meeting',
          label: 'Preliminary online meeting',
          participants: ['programmeLead', 'mentor', 'trainee'],
          anyOf: [],
          online: true,
          scheduledBy: ['programmeLead'],
          agenda: [
            'Discuss concerns raised (BF-06)',
            'Agree SMART targets and action steps (BF-07)',
            'Set the date for review and observation (BF-08)',
          ],
          rules: ['BF-05', 'BF-06', 'BF-07', 'BF-08'],
        },
      ],
      observations: [
        {
          id: 'review-observation',
          label: 'Professional Mentor lesson observation',
          observers: [['professionalMentor']],
          onAgreedDate: true,
          rules: ['BF-08', 'BF-10'],
        },
      ],
      duties: [
        {
          id: 'action-steps-agreed',
          label: 'All partners agreed that action steps will be taken',
          by: ['programmeLead'],
          rules: ['BF-09'],
        },
        {
          id: 'fed-back-to-lead',
          label: 'Professional Mentor fed back to the Lead',
          by: ['professionalMentor'],
          notify: ['programmeLead'],
          rules: ['BF-10'],
        },
      ],
      closures: [
        {
          id: 'concerns-resolved',
          label: 'Concerns resolved at Stage 1',
          by: ['programmeLead'],
          guards: [{ name: 'latestReviewAllMet', rules: ['BF-10'] }],
          rules: ['BF-10'],
        },
      ],
      rules: ['BF-02', 'BF-05', 'BF-09'],
    },
    {
      id: 'stage-2',
      label: 'Stage 2 (formal support plan)',
      summary:
        'A formal support plan in response to ongoing concerns: support measures, SMART targets, a review date, signed by all partners.',
      formal: true,
      entries: [
        {
          id: 'lead-initiates',
          label: 'Concerns ongoing: the Lead initiates Stage 2',
          from: ['stage-1'],
          by: ['programmeLead'],
          guards: [ongoing],
          rules: ['BF-11', 'BF-12'],
        },
      ],
      plan: smart(['BF-14', 'BF-16', 'BF-17']),
      reviewDate: window(['BF-18']),
      review: { by: ['programmeLead'], multiple: true, rules: ['BF-21'] },
      meetings: [
        {
          id: 'stage-2-meeting',
          label: 'Stage 2 online meeting',
          participants: ['programmeLead', 'trainee'],
          anyOf: [['mentor', 'professionalMentor']],
          online: true,
          scheduledBy: ['programmeLead'],
          agenda: [
            'Identify support measures (BF-14)',
            'Set the expectation that support must result in progress (BF-15)',
            'SMART targets and action steps (BF-17)',
            'Review date (BF-18)',
            'Next steps if the plan does not lead to progress (BF-19)',
          ],
          rules: ['BF-13'],
        },
      ],
      signatures: {
        signers: ['programmeLead', 'mentor', 'professionalMentor', 'trainee'],
        mode: 'each-participant',
        rules: ['BF-20', 'BF-21'],
      },
      duties: [
        {
          id: 'expectation-set',
          label: 'Expectation set that additional support must result in progress',
          by: ['programmeLead'],
          rules: ['BF-15'],
        },
        {
          id: 'next-steps-explained',
          label: 'Trainee made aware of next steps if the plan does not lead to progress',
          by: ['programmeLead'],
          rules: ['BF-19'],
        },
        {
          id: 'plan-shared',
          label: 'Plan shared with the mentor team and trainee and retained on the record',
          by: ['programmeLead'],
          rules: ['BF-21'],
        },
      ],
      closures: [
        {
          id: 'concerns-resolved',
          label: 'Progress made: support plan completed',
          by: ['programmeLead'],
          guards: [{ name: 'latestReviewAllMet', rules: ['BF-21'] }],
          rules: ['BF-21'],
        },
      ],
      rules: ['BF-02', 'BF-12'],
    },
    {
      id: 'stage-3',
      label: 'Stage 3',
      summary:
        'The Lead observes, then reviews the lesson, actions and targets with the trainee and mentor team. The trainee must show progress to retain a place.',
      formal: null,
      entries: [
        {
          id: 'lead-initiates',
          label: 'Support plan has not led to progress: the Lead initiates Stage 3',
          from: ['stage-2'],
          by: ['programmeLead'],
          guards: [
            { ...ongoing, rules: ['BF-11', 'BF-19'] },
            { name: 'dutiesComplete', rules: ['BF-15', 'BF-19', 'BF-21'] },
          ],
          rules: ['BF-11', 'BF-19', 'X-03'],
        },
      ],
      carryPlan: true,
      plan: smart(['BF-24']),
      reviewDate: window(['BF-24']),
      review: {
        by: ['programmeLead'],
        requiresObservation: 'lead-observation',
        rules: ['BF-22', 'BF-24', 'BF-25'],
      },
      meetings: [
        {
          id: 'review-meeting',
          label: 'Review meeting with trainee and mentor team',
          participants: ['programmeLead', 'trainee'],
          anyOf: [['mentor', 'professionalMentor']],
          online: null,
          scheduledBy: ['programmeLead'],
          rules: ['BF-23'],
        },
      ],
      observations: [
        {
          id: 'lead-observation',
          label: 'Lead lesson observation',
          observers: [['programmeLead']],
          rules: ['BF-22'],
        },
      ],
      signatures: undefined,
      closures: [
        {
          id: 'place-retained',
          label: 'Targets addressed: place on the programme retained',
          by: ['programmeLead'],
          guards: [{ name: 'latestReviewAllMet', rules: ['BF-25'] }],
          rules: ['BF-25'],
        },
      ],
      rules: ['BF-22', 'BF-23', 'BF-24', 'BF-25', 'BF-30'],
    },
    {
      id: 'director-meeting',
      label: 'Meeting with the SCITT Director',
      summary:
        'Targeted support has not resulted in progress. The trainee may be invited to discuss their position with the SCITT Director (discretionary).',
      formal: null,
      entries: [
        {
          id: 'invite',
          label: 'Invite the trainee to meet the SCITT Director',
          from: ['stage-3'],
          by: ['programmeLead', 'director'],
          guards: [{ name: 'latestReviewHasUnmetTarget', rules: ['BF-25', 'BF-26'] }],
          rules: ['BF-26'],
        },
      ],
      meetings: [
        {
          id: 'director-meeting',
          label: 'Meeting with the SCITT Director',
          participants: ['director', 'trainee'],
          anyOf: [],
          requiredAttendees: ['director', 'trainee'], // the meeting is with the SCITT Director
          online: null,
          scheduledBy: ['director', 'programmeLead'],
          rules: ['BF-26'],
        },
      ],
      closures: [
        {
          id: 'place-retained',
          label: 'Place on the programme retained',
          by: ['director'],
          guards: [
            { name: 'meetingHeld', params: { meeting: 'director-meeting' }, rules: ['BF-26'] },
          ],
          rules: ['BF-26', 'X-12'],
        },
        {
          id: 'withdrawn',
          label: 'Trainee withdrawn from the programme',
          by: ['director'],
          guards: [
            { name: 'meetingHeld', params: { meeting: 'director-meeting' }, rules: ['BF-26'] },
            {
              name: 'settingEnabled',
              params: { setting: 'withdrawalAfterDirectorMeeting' },
              rules: ['X-12'],
            },
          ],
          rules: ['BF-26', 'X-12'],
        },
      ],
      rules: ['BF-26', 'X-12'],
    },
  ],
  // Overdue reviews: the Lead first (BF-11), then the SCITT Director (BF-26).
  overdueLadder: [
    {
      rung: 1,
      afterDays: 0,
      notify: ['programmeLead', 'director'],
      rules: ['BF-08', 'BF-18'],
    },
    { rung: 2, afterDays: 5, notify: ['director'], rules: ['BF-26'] },
  ],
  settings: [
    {
      key: 'reviewDayUnit',
      label: 'Days counted for review windows',
      description:
        'Bright Futures states no durations (BF-30). Applies only if a window is set. Default: school days.',
      type: 'dayUnit',
      default: 'school',
      rules: ['BF-30', 'X-01'],
    },
    {
      key: 'reviewMinDays',
      label: 'Earliest review (days after the stage starts)',
      description: 'Not stated by Bright Futures (BF-30). Default: none.',
      type: 'nullableNumber',
      default: null,
      rules: ['BF-30'],
    },
    {
      key: 'reviewMaxDays',
      label: 'Latest review (days after the stage starts)',
      description: 'Not stated by Bright Futures (BF-30). Default: none.',
      type: 'nullableNumber',
      default: null,
      rules: ['BF-30'],
    },
    {
      key: 'maxTargets',
      label: 'Maximum targets per plan',
      description: 'Bright Futures sets no cap (BF-07, BF-30). Default: none.',
      type: 'nullableNumber',
      default: null,
      rules: ['BF-07', 'BF-30'],
    },
    {
      key: 'withdrawalAfterDirectorMeeting',
      label: 'Allow withdrawal after the Director meeting',
      description:
        'Bright Futures says nothing after a failed Stage 3 beyond the discretionary Director meeting (X-12). Default: the Director may record a withdrawal.',
      type: 'boolean',
      default: true,
      rules: ['X-12'],
    },
    {
      key: 'reviewNoticeDays',
      label: 'Remind the reviewers this many school days before a review is due',
      description:
        'The agreed review date (BF-08, BF-18) reaches the reviewers ahead of time, then on the day. Default: 3 school days.',
      type: 'number',
      default: 3,
      rules: ['BF-08', 'BF-18'],
    },
    {
      key: 'signatureChaseDays',
      label: 'Chase missing signatures after this many working days',
      description:
        'The Stage 2 plan is signed by all partners (BF-20). Counted from the first signature on the plan version. Default: 3 working days.',
      type: 'number',
      default: 3,
      rules: ['BF-20'],
    },
    {
      key: 'specialCategoryRoles',
      label: 'Who may see medical circumstances',
      description:
        'Special category data. Default: the trainee, Programme Lead and SCITT Director.',
      type: 'roles',
      default: ['trainee', 'programmeLead', 'director'],
      rules: ['BF-01'],
    },
  ],
  placementRules: [
    {
      route: 'all',
      text: 'A successfully completed placement in each key stage is needed for QTS/EYTS.',
      rules: ['BF-27'],
    },
    {
      route: 'early-primary',
      text: 'Two placements in EYFS and one in Key Stage 1.',
      rules: ['BF-28'],
    },
    { route: 'secondary', text: 'Placements in two contrasting schools.', rules: ['BF-29'] },
  ],
} satisfies z.input<typeof procedureDefinitionSchema>;

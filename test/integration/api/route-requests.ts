import { apiNow } from './api-fixture';

const today = apiNow.toISOString().slice(0, 10);

/** A sample request: the path and, for commands, a JSON body. */
export interface SampleRequest {
  readonly path: string;
  readonly json?: unknown;
}

/** A schema-valid request per case route that cannot end anyone's access (unknown ids, harmless additions). */
export const sampleRequests: Record<string, (caseId: string) => SampleRequest> = {
  'case-get': (id) => ({ path: `/api/cases/${id}` }),
  'case-available-commands-get': (id) => ({ path: `/api/cases/${id}/available-commands` }),
  'case-history-get': (id) => ({ path: `/api/cases/${id}/history` }),
  'case-history-verification-get': (id) => ({ path: `/api/cases/${id}/history/verification` }),
  'case-stage-pdf-get': (id) => ({ path: `/api/cases/${id}/stages/1/pdf` }),
  'case-appeal-bundle-get': (id) => ({ path: `/api/cases/${id}/appeal-bundle` }),
  'case-dfe-handoff-get': (id) => ({ path: `/api/cases/${id}/dfe-handoff` }),
  'case-dfe-handoff-post': (id) => ({
    path: `/api/cases/${id}/dfe-handoff`,
    json: {
      boardDate: today,
      decision: 'withdrawn',
      whoChose: 'provider',
      reasonCategory: 'other',
      effectiveDate: today,
    },
  }),
  'case-corrections-post': (id) => ({
    path: `/api/cases/${id}/corrections`,
    json: { reason: 'Matrix', correction: { kind: 'duty', dutyId: 'none-such' } },
  }),
  'case-concerns-post': (id) => ({
    path: `/api/cases/${id}/concerns`,
    json: { category: 'teaching', description: 'Matrix concern' },
  }),
  'case-stages-post': (id) => ({
    path: `/api/cases/${id}/stages`,
    json: { stageId: 'stage-9', reason: 'Matrix' },
  }),
  'case-plan-put': (id) => ({
    path: `/api/cases/${id}/plan`,
    json: { overview: 'Matrix overview' },
  }),
  'case-targets-post': (id) => ({
    path: `/api/cases/${id}/targets`,
    json: { text: 'Matrix target' },
  }),
  'case-target-put': (id) => ({
    path: `/api/cases/${id}/targets/target-none-1`,
    json: { text: 'Matrix target' },
  }),
  'case-target-delete': (id) => ({ path: `/api/cases/${id}/targets/target-none-1` }),
  'case-review-date-put': (id) => ({
    path: `/api/cases/${id}/review-date`,
    json: { reviewDate: today },
  }),
  'case-signatures-post': (id) => ({
    path: `/api/cases/${id}/signatures`,
    json: { planVersion: 1, typedFullName: 'Matrix Name' },
  }),
  'case-meetings-post': (id) => ({
    path: `/api/cases/${id}/meetings`,
    json: {
      meetingDefinitionId: 'none-such',
      start: '2026-01-20T09:00:00Z',
      durationMinutes: 30,
      online: true,
      attendees: ['participant-none'],
    },
  }),
  'case-meeting-held-post': (id) => ({
    path: `/api/cases/${id}/meetings/meeting-none-1/held`,
    json: { notes: 'Matrix' },
  }),
  'case-meeting-cancellation-post': (id) => ({
    path: `/api/cases/${id}/meetings/meeting-none-1/cancellation`,
    json: { reason: 'Matrix' },
  }),
  'case-observations-post': (id) => ({
    path: `/api/cases/${id}/observations`,
    json: { date: today, observers: ['participant-none'], notes: 'Matrix' },
  }),
  'case-reviews-post': (id) => ({
    path: `/api/cases/${id}/reviews`,
    json: {
      heldOn: today,
      outcomes: [{ targetId: 'target-none-1', met: true, evidence: 'Matrix' }],
    },
  }),
  'case-final-outcome-post': (id) => ({
    path: `/api/cases/${id}/final-outcome`,
    json: { progress: 'sufficient', notes: 'Matrix' },
  }),
  'case-duty-post': (id) => ({ path: `/api/cases/${id}/duties/none-such`, json: {} }),
  'case-appeal-decision-post': (id) => ({
    path: `/api/cases/${id}/appeal/decision`,
    json: { decision: 'declined' },
  }),
  'case-appeal-outcome-post': (id) => ({
    path: `/api/cases/${id}/appeal/outcome`,
    json: { outcome: 'dismissed', notes: 'Matrix' },
  }),
  'case-comments-post': (id) => ({
    path: `/api/cases/${id}/comments`,
    json: { text: 'Matrix comment' },
  }),
  'case-imp-post': (id) => ({
    path: `/api/cases/${id}/imp`,
    json: {
      pointId: 'IMP2',
      grades: [{ indicator: 'AI 1.1', grade: 'securing' }],
      partTwoMet: true,
      coreValues: ['committed'],
    },
  }),
  'case-participants-post': (id) => ({
    path: `/api/cases/${id}/participants`,
    json: { participant: { role: 'mentor', name: 'Matrix Mentor' } },
  }),
  'case-participant-delete': (id) => ({ path: `/api/cases/${id}/participants/participant-none` }),
  'case-closure-post': (id) => ({
    path: `/api/cases/${id}/closure`,
    json: { closureId: 'none-such', notes: 'Matrix' },
  }),
  'case-delivery-retry-post': (id) => ({
    path: `/api/cases/${id}/deliveries/0000000001-000/retry`,
    json: {},
  }),
  'case-concern-acknowledgement-post': (id) => ({
    path: `/api/cases/${id}/concerns/concern-none-such/acknowledgement`,
    json: {},
  }),
};

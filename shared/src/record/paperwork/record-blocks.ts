import { stageDefinition } from '../../domain/stage-lookup';
import type { StageRecord } from '../stage-record';
import type { FormBlock, PaperworkInput } from './form-model';
import { day } from './form-parts';

const who = (input: PaperworkInput, ids: readonly string[]) =>
  ids
    .map(
      (id) =>
        input.participants.find((p) => p.participantId === id)?.name ?? 'someone no longer named',
    )
    .join(', ');

/** Meetings, observations, duties, reviews, outcome, appeal and corrections of a stage, as printed lines. */
export function recordBlocks(input: PaperworkInput, stage: StageRecord): FormBlock[] {
  const def = stageDefinition(input.definition, stage.stageId);
  const blocks: FormBlock[] = [];
  const add = (title: string, lines: string[]) => {
    if (lines.length > 0) blocks.push({ kind: 'lines', title, lines });
  };
  add(
    'Meetings',
    stage.meetings.map((m) => {
      const label = def?.meetings.find((x) => x.id === m.definitionId)?.label ?? 'Meeting';
      return `${label}: ${m.start.slice(0, 16).replace('T', ' ')} UTC, ${m.online ? 'online' : 'in person'}, ${m.status}${m.notes === null ? '' : ` (${m.notes})`}. Attendees: ${who(input, m.attendees)}`;
    }),
  );
  add(
    'Observations',
    stage.observations.map((o) => {
      const label = def?.observations.find((x) => x.id === o.definitionId)?.label ?? 'Observation';
      return `${label} on ${o.date} by ${who(input, o.observers)}: ${o.notes}`;
    }),
  );
  add(
    'Reviews',
    stage.reviews.map((r) => {
      const met = r.outcomes.filter((o) => o.met).length;
      return `Review held on ${r.heldOn}: ${String(met)} of ${String(r.outcomes.length)} targets met.${r.notes === '' ? '' : ` Notes: ${r.notes}`}`;
    }),
  );
  add(
    'Duties recorded',
    stage.duties.map((d) => {
      const label = def?.duties.find((x) => x.id === d.dutyId)?.label ?? d.dutyId;
      return `${label} (${day(d.at)})${d.notes === '' ? '' : `: ${d.notes}`}`;
    }),
  );
  const o = stage.finalOutcome;
  if (o !== null) {
    add('Final outcome', [
      o.progress === 'sufficient'
        ? 'Outcome 1: sufficient progress; the Cause for Concern ends (ME-61).'
        : `Outcome 2: insufficient progress (${o.basis === 'serious-negative-impact' ? 'serious negative impact on pupil learning' : 'unlikely to make progress towards QTS'}); the trainee fails the programme (ME-62).`,
      ...(o.agreedBy.length === 0 ? [] : [`Agreed by: ${who(input, o.agreedBy)}`]),
      `Notes: ${o.notes}`,
    ]);
  }
  if (def?.appeal === true)
    add('Right of appeal', [
      `Appeal: ${stage.appeal.status}${'at' in stage.appeal ? ` (${day(stage.appeal.at)})` : ''}`,
    ]);
  add(
    'Corrections',
    stage.corrections.map(
      (c) => `${day(c.at)}: ${c.kind} corrected (entry ${String(c.seq)}): ${c.reason}`,
    ),
  );
  return blocks;
}

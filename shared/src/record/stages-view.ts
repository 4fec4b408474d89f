import type { CaseView } from '../domain/view';
import type { ProcedureDefinition } from '../procedures/schema';
import type { RecordedEvent } from './recorded-event';
import { stageRecords, type StageRecord } from './stage-record';

/** A stage run as the API shows it: its 1-based position (the `{n}` of `.../stages/{n}/pdf`). */
export type StageRecordView = StageRecord & { readonly position: number };

/** The case view with every stage run kept whole, ended ones included (issue 12, BF-21, ME-79). */
export type CaseRecordView = CaseView & { readonly stages: readonly StageRecordView[] };

/** Every stage run of the case, numbered from 1 in the order they started. */
export function stageRecordViews(
  definition: ProcedureDefinition,
  events: readonly RecordedEvent[],
): StageRecordView[] {
  return stageRecords(definition, events).map((s, i) => ({ ...s, position: i + 1 }));
}

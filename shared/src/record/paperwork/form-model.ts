import type { SettingValues } from '../../domain/context';
import type { Participant, Trainee } from '../../domain/state';
import type { ProcedureDefinition } from '../../procedures/schema';
import type { StageRecord } from '../stage-record';

/** A table as printed: header row and body rows of plain text cells. */
export interface FormTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** One block of a form, printed in order. */
export type FormBlock =
  | { readonly kind: 'fields'; readonly fields: readonly (readonly [string, string])[] }
  | { readonly kind: 'table'; readonly title: string | null; readonly table: FormTable }
  | { readonly kind: 'lines'; readonly title: string; readonly lines: readonly string[] };

/** A paperwork form filled from the stored record, independent of the PDF library. */
export interface PaperworkForm {
  /** Printed at the top of every page (ME-79). */
  readonly confidential: string;
  readonly title: string;
  readonly providerName: string;
  readonly procedureTitle: string;
  readonly procedureVersion: string;
  readonly stageLabel: string;
  /** The plan version printed (null: the stage keeps no plan) and how many it has. */
  readonly planVersion: number | null;
  readonly latestVersion: number | null;
  readonly fullySigned: boolean;
  /** "Plan version 2 of 2. Fully signed." or why not. */
  readonly versionLine: string;
  readonly blocks: readonly FormBlock[];
  readonly rules: readonly string[];
}

/** What a form is filled from: the stored record of one stage run of one case. */
export interface PaperworkInput {
  readonly definition: ProcedureDefinition;
  readonly settings: SettingValues;
  /** The procedure version the case is pinned to (ME-01). */
  readonly procedureVersion: string;
  readonly trainee: Trainee;
  readonly participants: readonly Participant[];
  readonly stages: readonly StageRecord[];
  /** 1-based position of the stage run in `stages`. */
  readonly position: number;
  /** The plan version to print; the latest when omitted. */
  readonly version?: number;
}

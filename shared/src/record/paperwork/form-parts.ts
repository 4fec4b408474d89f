import { rolesParam } from '../../domain/settings';
import { roleLabel, stageDefinition } from '../../domain/stage-lookup';
import type { Review } from '../../domain/state';
import type { PlanVersionRecord, StageRecord } from '../stage-record';
import type { FormTable, PaperworkInput } from './form-model';

/** A civil date from an ISO instant or date, as printed (YYYY-MM-DD keeps it unambiguous). */
export const day = (iso: string | null | undefined): string =>
  iso == null ? '' : iso.slice(0, 10);

/** Names of the active participants holding a role, joined. */
export function namesOf(input: PaperworkInput, role: string): string {
  return input.participants
    .filter((p) => p.role === role && p.removedAt === null)
    .map((p) => p.name)
    .join(', ');
}

/** The review that gives a target's comments: this stage's latest, else the next run's (a final review of carried targets). */
export function commentsReview(input: PaperworkInput, stage: StageRecord): Review | undefined {
  const own = stage.reviews.at(-1);
  if (own !== undefined) return own;
  const next = input.stages[input.position];
  const ids = new Set(stage.planVersions.at(-1)?.targets.map((t) => t.targetId) ?? []);
  return next?.reviews.find((r) => r.outcomes.some((o) => ids.has(o.targetId)));
}

/** The SHARP/SMART target table (ME-26, ME-31, ME-55; BF-07, BF-17) with review comments. */
export function targetTable(
  plan: PlanVersionRecord,
  columns: readonly string[],
  review: Review | undefined,
): FormTable {
  const rows = plan.targets.map((t) => {
    const outcome = review?.outcomes.find((o) => o.targetId === t.targetId);
    const comment =
      outcome === undefined ? '' : `${outcome.met ? 'Met' : 'Not met'}: ${outcome.evidence}`;
    return [
      t.text,
      t.actions.map((a) => `• ${a}`).join('\n'),
      t.indicators.join(', '),
      t.monitoring,
      t.successCriteria,
      comment,
    ];
  });
  return { columns, rows: rows.map((r) => r.slice(0, columns.length - 1).concat(r[5] ?? '')) };
}

/** The signature table (ME-28, ME-33, ME-57, ME-80; BF-20): role, full name, typed signature, date. */
export function signatureTable(
  input: PaperworkInput,
  stage: StageRecord,
  plan: PlanVersionRecord | undefined,
  labels: Readonly<Record<string, string>> = {},
): FormTable {
  const def = stageDefinition(input.definition, stage.stageId)?.signatures;
  const roles = def === undefined ? [] : rolesParam(input.settings, def.signers);
  const valid = (plan?.signatures ?? []).filter((s) => !s.voided);
  const rows = roles.flatMap((role) => {
    const label = labels[role] ?? roleLabel(input.definition, role);
    const signed = valid.filter((s) => s.role === role);
    if (signed.length > 0) {
      return signed.map((s) => {
        const name =
          input.participants.find((p) => p.participantId === s.participantId)?.name ??
          s.typedFullName;
        return [label, name, s.typedFullName, day(s.signedAt)];
      });
    }
    const people = input.participants.filter((p) => p.role === role && p.removedAt === null);
    const holders =
      def?.mode === 'each-participant' && people.length > 0 ? people : people.slice(0, 1);
    return holders.length === 0
      ? [[label, '', '', '']]
      : holders.map((p) => [label, p.name, '', '']);
  });
  return {
    columns: [
      'Staff (if applicable)',
      'Full Name',
      'Signature (typed if completing by email)',
      'Date',
    ],
    rows,
  };
}

/** The plan version to print, the latest, and the line that says which and whether fully signed. */
export function chosenVersion(stage: StageRecord, version: number | undefined) {
  const latest = stage.planVersions.at(-1);
  const plan =
    version === undefined ? latest : stage.planVersions.find((v) => v.version === version);
  if (plan === undefined || latest === undefined)
    return { plan, latest, line: 'This stage keeps no plan.' };
  const valid = plan.signatures.filter((s) => !s.voided).length;
  const signed = plan.fullySigned
    ? 'Fully signed.'
    : `Not fully signed (${String(valid)} valid signature${valid === 1 ? '' : 's'}${plan.signatures.some((s) => s.voided) ? '; earlier signatures voided by a later change' : ''}).`;
  const which =
    plan.version === latest.version
      ? 'the latest'
      : `superseded by version ${String(latest.version)}`;
  return { plan, latest, line: `Plan version ${String(plan.version)} (${which}). ${signed}` };
}

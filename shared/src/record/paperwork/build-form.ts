import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { stageDefinition } from '../../domain/stage-lookup';
import type { PaperworkForm, PaperworkInput } from './form-model';
import { chosenVersion } from './form-parts';
import { genericBlocks } from './generic-forms';
import { midEssexLayouts } from './mid-essex-forms';
import { recordBlocks } from './record-blocks';

const defaultConfidential = 'CONFIDENTIAL';

/** The CONFIDENTIAL header the provider's notices give (ME-79), or plain CONFIDENTIAL. */
function confidentialLine(input: PaperworkInput): string {
  const notice = input.definition.notices.find((n) => n.id === 'confidential');
  if (notice === undefined)
    return `${defaultConfidential} – ${input.definition.providerName} support record`;
  return notice.text.split('. ')[0] ?? defaultConfidential;
}

/** Fills the paperwork form of one stage run at one plan version from the stored record. */
export function buildPaperwork(input: PaperworkInput): Result<PaperworkForm> {
  const stage = input.stages[input.position - 1];
  if (stage === undefined)
    return fail(
      refuse(
        'NOT_FOUND',
        `This case has no stage ${String(input.position)}; it has ${String(input.stages.length)}.`,
      ),
    );
  const chosen = chosenVersion(stage, input.version);
  if (input.version !== undefined && chosen.plan === undefined)
    return fail(
      refuse(
        'VALIDATION_FAILED',
        `${stage.label} has no plan version ${String(input.version)}; versions: ${stage.planVersions.map((v) => v.version).join(', ') || 'none'}.`,
      ),
    );
  const layout =
    input.definition.id === 'mid-essex-itt' ? midEssexLayouts[stage.stageId] : undefined;
  const blocks = [
    ...(layout?.blocks(input, stage) ?? genericBlocks(input, stage)),
    ...recordBlocks(input, stage),
  ];
  const signs = stageDefinition(input.definition, stage.stageId)?.signatures !== undefined;
  return ok({
    confidential: confidentialLine(input),
    title: layout?.title ?? `${stage.label} – record`,
    providerName: input.definition.providerName,
    procedureTitle: input.definition.title,
    procedureVersion: input.procedureVersion,
    stageLabel: stage.label,
    planVersion: chosen.plan?.version ?? null,
    latestVersion: chosen.latest?.version ?? null,
    fullySigned: chosen.plan?.fullySigned ?? false,
    versionLine:
      signs || chosen.plan === undefined
        ? chosen.line
        : chosen.line.replace(/ Not fully signed.*$/, ' No signatures are required at this stage.'),
    blocks,
    rules:
      layout?.rules ?? (input.definition.id === 'bright-futures-scitt' ? ['BF-20', 'BF-21'] : []),
  });
}

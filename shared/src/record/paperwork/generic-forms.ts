import { stageDefinition } from '../../domain/stage-lookup';
import type { StageRecord } from '../stage-record';
import type { FormBlock, PaperworkInput } from './form-model';
import { chosenVersion, commentsReview, day, signatureTable, targetTable } from './form-parts';

const genericColumns = (style: string) => [
  `${style} target`,
  'Action steps',
  'Linked indicators',
  'Monitoring',
  'Success criteria',
  'Comments at review (met / not met, evidence)',
];
const bfColumns = ['SMART target', 'Action steps', 'Comments at review (met / not met, evidence)'];

/**
 * Any stage's record: dates, people, plan and targets, signatures where the stage has them
 * (BF-20, BF-21: the Bright Futures Stage 2 plan signed by all partners; a record for Stages 1
 * and 3; Mid Essex Stages 4 to 6).
 */
export function genericBlocks(input: PaperworkInput, stage: StageRecord): FormBlock[] {
  const def = stageDefinition(input.definition, stage.stageId);
  const { plan } = chosenVersion(stage, input.version);
  const bf = input.definition.id === 'bright-futures-scitt';
  const style = def?.plan?.targetStyle ?? 'SMART';
  const partners = input.participants
    .filter((p) => p.removedAt === null)
    .map((p) => `${p.name} (${input.definition.roleLabels[p.role] ?? p.role})`);
  const blocks: FormBlock[] = [
    {
      kind: 'fields',
      fields: [
        [`${stage.label} start date:`, stage.startedOn],
        ['Trainee:', input.trainee.name],
        ['Subject:', input.trainee.subject],
        ['School:', input.trainee.school],
        ['Reason:', stage.reason],
        ...(plan === undefined || plan.overview === ''
          ? []
          : [['Overview:', plan.overview] as [string, string]]),
        ...(plan === undefined || plan.supportMeasures === ''
          ? []
          : [['Support measures:', plan.supportMeasures] as [string, string]]),
        ['Partners:', partners.join('; ')],
        ['Ended:', stage.endedAt === null ? 'in progress' : day(stage.endedAt)],
      ],
    },
  ];
  if (plan !== undefined && plan.targets.length > 0) {
    const table = targetTable(
      plan,
      bf ? bfColumns : genericColumns(style),
      commentsReview(input, stage),
    );
    const rows = bf
      ? plan.targets.map((t, i) => [
          t.text,
          t.actions.map((a) => `• ${a}`).join('\n'),
          table.rows[i]?.at(-1) ?? '',
        ])
      : table.rows;
    blocks.push({
      kind: 'table',
      title: `${style} targets`,
      table: { columns: table.columns, rows },
    });
    blocks.push({ kind: 'fields', fields: [['Review date:', plan.reviewDate ?? '']] });
  }
  if (def?.signatures !== undefined)
    blocks.push({
      kind: 'table',
      title: 'Signed by all partners',
      table: signatureTable(input, stage, plan),
    });
  return blocks;
}

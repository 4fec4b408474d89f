import { readableHistory } from '@shared/record/readable-history';
import { stageRecordViews } from '@shared/record/stages-view';
import { z } from 'zod';
import { historySchema, stageRecordSchema } from '../../../addin/src/api/schemas';
import { ME, meToStage1, meToStage2, openMidEssex } from '../../support/engine-fixtures';
import { record } from '../../support/record-fixtures';

// The tab's schemas fall back (`catch`) on anything they do not recognise, so a guessed field name
// would silently show nothing: parse strictly what the record serves and compare.
test("the tab's stage-record and history schemas read what the record serves, field for field", () => {
  const h = openMidEssex();
  const r = record(h, ME.courseTutor);
  meToStage1(h);
  meToStage2(h);
  const stages = stageRecordViews(h.definition, r.events());
  const parsed = z.array(stageRecordSchema).parse(stages);
  expect(parsed.map((s) => [s.position, s.stageId, s.current])).toEqual(
    stages.map((s) => [s.position, s.stageId, s.current]),
  );
  const first = parsed[0]!;
  expect(first.planVersions.length).toBeGreaterThan(0);
  expect(first.planVersions).toEqual(
    stages[0]!.planVersions.map((v) => ({
      version: v.version,
      fullySigned: v.fullySigned,
      targets: v.targets.map((t) => ({ targetId: t.targetId, text: t.text })),
      signatures: v.signatures.map((s) => ({
        participantId: s.participantId,
        role: s.role,
        typedFullName: s.typedFullName,
        signedAt: s.signedAt,
        planVersion: s.planVersion,
        voided: s.voided,
      })),
    })),
  );
  const events = readableHistory(h.definition, h.staff, r.events(), {
    specialCategory: true,
    staff: true,
  });
  const history = historySchema.parse({ events });
  expect(history.events.map((e) => [e.actor.name, e.summary, e.rules])).toEqual(
    events.map((e) => [e.actor.name, e.summary, e.rules]),
  );
});

import { freshServices } from '../../support/service-fixture';
import { meThroughEveryStage, servicesOn, TestClock } from '../../support/record-service-fixture';

jest.setTimeout(120_000);

test('fixture: a Mid Essex case goes through every stage on Azurite', async () => {
  const base = await freshServices();
  const clock = new TestClock(new Date('2026-01-12T10:00:00Z'));
  const s = servicesOn(base.tables, clock);
  const { view } = await meThroughEveryStage(s, clock);
  expect(view.status.kind).toBe('closed');
  expect(view.stages.map((x) => x.stageId)).toEqual([
    'pre-stage-1',
    'stage-1',
    'stage-2',
    'stage-3',
    'stage-4',
    'stage-5',
    'stage-6',
  ]);
});

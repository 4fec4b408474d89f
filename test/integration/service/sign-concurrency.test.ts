import { bfCaseAt, cmd, freshServices, must, who } from '../../support/service-fixture';

/** A Bright Futures case at Stage 2 with a target, to be signed by all partners (BF-20). */
async function stage2Case() {
  const s = await freshServices();
  return { s, id: await bfCaseAt(s, 'stage-2') };
}

describe('C2: concurrent signers on one plan, against Azurite', () => {
  it('BF-20: 12 simultaneous sign commands (4 signers x 3 clicks) record each signature once and one PlanFullySigned', async () => {
    const { s, id } = await stage2Case();
    const version = must(await s.cases.getCase(who('bf-programme-lead'), id)).stage!.plan.version;
    const signers = ['bf-programme-lead', 'bf-mentor', 'bf-professional-mentor', 'bf-trainee-1'];
    const name = (p: string) => who(p).name;
    const clicks = signers.flatMap((p) => [1, 2, 3].map(() => ({ p, commandId: cmd() })));
    const results = await Promise.all(
      clicks.map(({ p, commandId }) =>
        s.cases.execute(
          who(p),
          id,
          { type: 'signPlan', planVersion: version, typedFullName: name(p) },
          commandId,
        ),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const events = await s.store.events('bright-futures-scitt', id);
    const signed = events.filter((e) => e.type === 'PlanSigned');
    expect(signed).toHaveLength(4);
    expect(new Set(signed.map((e) => e.actor.oid)).size).toBe(4);
    expect(events.filter((e) => e.type === 'PlanFullySigned')).toHaveLength(1);
    const view = must(await s.cases.getCase(who('bf-trainee-1'), id));
    expect(view.stage?.fullySigned).toBe(true);
  });

  it('changing a signed plan voids its signatures (BF-20) and the new version needs signing again', async () => {
    const { s, id } = await stage2Case();
    const lead = who('bf-programme-lead');
    const v1 = must(await s.cases.getCase(lead, id)).stage!.plan.version;
    must(
      await s.cases.execute(
        who('bf-mentor'),
        id,
        { type: 'signPlan', planVersion: v1, typedFullName: who('bf-mentor').name },
        cmd(),
      ),
    );
    must(
      await s.cases.execute(
        lead,
        id,
        {
          type: 'addTarget',
          text: 'Marking in line with policy',
          actions: ['Mark books weekly'],
          indicators: [],
          monitoring: '',
          successCriteria: '',
        },
        cmd(),
      ),
    );
    const view = must(await s.cases.getCase(lead, id));
    expect(view.stage?.plan.version).toBe(v1 + 1);
    expect(view.stage?.signers.every((slot) => slot.signed === null)).toBe(true);
    const stale = await s.cases.execute(
      who('bf-mentor'),
      id,
      { type: 'signPlan', planVersion: v1, typedFullName: who('bf-mentor').name },
      cmd(),
    );
    expect(!stale.ok && stale.refusal.code).toBe('PLAN_VERSION_MISMATCH');
  });
});

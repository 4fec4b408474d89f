/**
 * A delivery rig whose Mid Essex staff directory names a provider-wide Programme Leader who is
 * never a participant on a case, with a local Graph mailbox (Teams app installed).
 */
import { localTenantId } from '../../../functions/src/local/demo-personas';
import { deliveryRig } from '../../support/graph-fixture';
import { must } from '../../support/service-fixture';

/** Mid Essex's provider-wide Programme Leader: in the staff directory, never on the case. */
export const leader = {
  tid: localTenantId,
  oid: 'e0000000-0000-4000-8000-000000000077',
  name: 'Nadia Brooks',
  email: 'nadia.brooks@provider.example',
  role: 'programmeLead' as const,
};

/** The rig, with `leader` added to the Mid Essex staff directory. */
export async function rigWithDirectoryLeader(clock: () => Date) {
  const rig = await deliveryRig({
    clock,
    users: [
      {
        id: leader.oid,
        tenantId: leader.tid,
        displayName: leader.name,
        mail: leader.email,
        appInstalled: true,
      },
    ],
  });
  const providers = rig.services.providers;
  const current = (await providers.get('mid-essex-itt'))!;
  const staff = [...current.settings.staff, leader];
  must(await providers.put({ ...current.settings, staff }, null, current.etag));
  providers.invalidate();
  return rig;
}

/** The mailbox an activity notification went to, from an `acceptedTimed` key. */
export const feedOf = (key: string) => /\/users\/([^/]+)\//.exec(key)?.[1] ?? key;

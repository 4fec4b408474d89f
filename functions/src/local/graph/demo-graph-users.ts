import {
  demoPersonas,
  localClientId,
  partnerSchoolTenantId,
  type DemoPersona,
} from '../demo-personas';
import type { GraphUser } from './mailboxes';
import type { LocalApp } from './token-endpoint';

/** The demo mailbox address of a persona: staff at the provider, mentors at the partner school. */
export function demoEmail(persona: Pick<DemoPersona, 'name' | 'tid'>): string {
  const local = persona.name.toLowerCase().replace(/[^a-z]+/g, '.');
  return `${local}@${persona.tid === partnerSchoolTenantId ? 'riverside-school.example' : 'provider.example'}`;
}

/** Every demo persona as a local Graph user (the Teams app installed for all but trainee 3s). */
export function demoGraphUsers(): GraphUser[] {
  return demoPersonas.map((p) => ({
    id: p.oid,
    tenantId: p.tid,
    displayName: p.name,
    mail: demoEmail(p),
    appInstalled: !p.id.endsWith('trainee-3'),
  }));
}

/** The local app registration's client secret (local mode only; never a real secret). */
export const localGraphSecret = 'local-graph-client-secret';

/** The app registration the local Entra knows: our client id, consented in both demo tenants. */
export function demoGraphApp(): LocalApp {
  return {
    clientId: localClientId,
    clientSecret: localGraphSecret,
    tenants: [...new Set(demoPersonas.map((p) => p.tid))],
  };
}

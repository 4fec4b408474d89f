import type { ProviderSettings } from '@shared/procedures/provider-settings';
import { demoPersonas, demoProviderIds, demoTenantIds, type DemoPersona } from './demo-personas';

const staffOf = (providerId: string) =>
  demoPersonas
    .filter((p) => p.providerId === providerId && p.role !== 'trainee')
    .map((p: DemoPersona) => ({ tid: p.tid, oid: p.oid, name: p.name, email: null, role: p.role }));

const calendar2025 = {
  region: 'england-and-wales' as const,
  termDates: [
    { start: '2025-09-03', end: '2025-10-24', label: 'Autumn 1' },
    { start: '2025-11-03', end: '2025-12-19', label: 'Autumn 2' },
    { start: '2026-01-05', end: '2026-02-13', label: 'Spring 1' },
    { start: '2026-02-23', end: '2026-03-27', label: 'Spring 2' },
    { start: '2026-04-13', end: '2026-05-22', label: 'Summer 1' },
    { start: '2026-06-01', end: '2026-07-22', label: 'Summer 2' },
    { start: '2026-09-02', end: '2026-10-23', label: 'Autumn 1' },
    { start: '2026-11-02', end: '2026-12-18', label: 'Autumn 2' },
    { start: '2027-01-05', end: '2027-02-12', label: 'Spring 1' },
  ],
  closures: [{ date: '2026-11-27', label: 'INSET day', appliesTo: 'school' as const }],
};

/** The two demo providers: real procedures, invented people, a 2025-27 school calendar. */
export const demoProviders: readonly ProviderSettings[] = [
  {
    providerId: demoProviderIds.brightFutures,
    name: 'Bright Futures SCITT (demo)',
    procedureId: 'bright-futures-scitt',
    tenants: [...demoTenantIds],
    calendar: calendar2025,
    values: {},
    staff: staffOf(demoProviderIds.brightFutures),
  },
  {
    providerId: demoProviderIds.midEssex,
    name: 'Mid Essex ITT (demo)',
    procedureId: 'mid-essex-itt',
    tenants: [...demoTenantIds],
    calendar: calendar2025,
    values: {},
    staff: staffOf(demoProviderIds.midEssex),
  },
];

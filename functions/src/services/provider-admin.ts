import { RestError } from '@azure/data-tables';
import type { Identity, SettingValues } from '@shared/domain/context';
import { providerWideRoles } from '@shared/domain/roles';
import { fail, ok, refuse, type Refusal, type Result } from '@shared/errors/refusal';
import type { ProviderSettings } from '@shared/procedures/provider-settings';
import { builtInProcedures } from '@shared/procedures/registry';
import type { ProcedureDefinition } from '@shared/procedures/schema';
import { isDeploymentAdmin, type Caller } from '../auth/caller';
import type { CaseWindowChange, SettingsImpact } from './settings-impact';
import type { ProviderContext, ProviderDirectory } from './provider-directory';
import type { SecurityAudit } from './security-audit';

/** A provider's configuration as its programme lead or director sees it. */
export interface ProviderSettingsView {
  readonly settings: ProviderSettings;
  readonly procedure: {
    readonly id: string;
    readonly version: string;
    readonly title: string;
    readonly custom: boolean;
  };
  /** The procedure's settings (X-items) with labels, defaults and rule ids, to edit `values`. */
  readonly settingDefinitions: ProcedureDefinition['settings'];
  readonly resolved: SettingValues;
  readonly etag: string;
}

/** What saving settings can come to; the ETag outcomes are not refusals of the procedure. */
export type SettingsWrite =
  | {
      readonly kind: 'saved';
      readonly created: boolean;
      readonly view: ProviderSettingsView;
      /** Open cases whose review windows the change moved, each recorded in its history (item 11). */
      readonly windowChanges?: readonly CaseWindowChange[];
    }
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  | { readonly kind: 'precondition-failed' }
  | { readonly kind: 'precondition-required' };

/** A settings change: validated settings, an optional custom procedure, the caller's `If-Match`. */
export interface SettingsChange {
  readonly settings: ProviderSettings;
  readonly procedure: ProcedureDefinition | null;
  readonly ifMatch: string | null;
}

const noSuchProvider = () => refuse('NOT_FOUND', 'No such provider.');
const operatorOnly = (what: string) =>
  refuse(
    'ROLE_NOT_ALLOWED',
    `Only the deployment's operator (Entra app role Deployment.Admin) can ${what}: it widens who may sign in.`,
  );
const adminsOnly = () =>
  refuse('ROLE_NOT_ALLOWED', 'Only the programme lead or director can manage provider settings.');

const isStaff = (settings: ProviderSettings, who: Identity) =>
  settings.staff.some((s) => s.tid === who.tid && s.oid === who.oid);

/** Programme leads and directors in the provider's staff, signing in from one of its tenants. */
function isProviderAdmin(settings: ProviderSettings, who: Identity): boolean {
  return (
    settings.tenants.includes(who.tid) &&
    settings.staff.some(
      (s) => s.tid === who.tid && s.oid === who.oid && providerWideRoles.includes(s.role),
    )
  );
}

function viewOf(provider: ProviderContext): ProviderSettingsView {
  const { definition } = provider;
  const custom = builtInProcedures().get(definition.id) !== definition;
  return {
    settings: provider.settings,
    procedure: { id: definition.id, version: definition.version, title: definition.title, custom },
    settingDefinitions: definition.settings,
    resolved: provider.resolved,
    etag: provider.etag,
  };
}

/** Tenants in `next` that `existing` does not allow yet (all of them for a new provider). */
function addedTenants(next: ProviderSettings, existing: ProviderContext | undefined): string[] {
  const before = new Set(existing?.settings.tenants ?? []);
  return next.tenants.filter((t) => !before.has(t));
}

/**
 * Who may read and change a provider's configuration: its programme leads and directors, for
 * everything but its tenants; the deployment's operator (app role Deployment.Admin) to add a
 * provider or a tenant (issue 8 item 2). Anyone else who is not on the provider's staff is told
 * it does not exist (like a case, Z4).
 */
/** What the provider admin needs besides the directory (each optional in tests of other parts). */
export interface ProviderAdminDeps {
  /** Security events: providers created, tenants added, refused changes (issue 8 item 2). */
  readonly audit?: SecurityAudit;
  /** Reports and records the open cases whose review windows a settings change moves (issue 11 item 11). */
  readonly impact?: SettingsImpact;
  readonly clock?: () => Date;
}

export class ProviderAdmin {
  constructor(
    private readonly providers: ProviderDirectory,
    private readonly deps: ProviderAdminDeps = {},
  ) {}

  /** The settings of a provider the caller administers (or any, for the operator). */
  async read(who: Caller, providerId: string): Promise<Result<ProviderSettingsView>> {
    const provider = await this.providers.get(providerId);
    if (provider !== undefined && isDeploymentAdmin(who)) return ok(viewOf(provider));
    if (provider === undefined || !isStaff(provider.settings, who)) return fail(noSuchProvider());
    return isProviderAdmin(provider.settings, who) ? ok(viewOf(provider)) : fail(adminsOnly());
  }

  /**
   * Creates or replaces a provider's settings. Replacing needs the ETag last read (`If-Match`).
   * Adding a provider, or a tenant to one, needs the operator's app role (audited either way);
   * a director or programme lead changes the rest of their own provider's settings and cannot
   * remove their own administrator entry. Omitting `procedure` keeps a custom procedure stored.
   */
  async write(who: Caller, change: SettingsChange): Promise<SettingsWrite> {
    const refused = (refusal: Refusal): SettingsWrite => ({ kind: 'refused', refusal });
    const { providerId } = change.settings;
    // Decide on fresh data: a lead removed a moment ago must not pass on a cached staff list.
    this.providers.invalidate();
    const existing = await this.providers.get(providerId);
    const operator = isDeploymentAdmin(who);
    const widened = addedTenants(change.settings, existing).length > 0;
    if (existing === undefined) {
      if (change.ifMatch !== null) return { kind: 'precondition-failed' };
      if (!operator) {
        await this.record('provider-change-refused', providerId, who);
        return refused(operatorOnly('add a provider'));
      }
    } else {
      if (!operator && !isStaff(existing.settings, who)) return refused(noSuchProvider());
      if (!operator && !isProviderAdmin(existing.settings, who)) return refused(adminsOnly());
      if (change.ifMatch === null) return { kind: 'precondition-required' };
      if (widened && !operator) {
        await this.record('provider-change-refused', providerId, who);
        return refused(operatorOnly('add a tenant to a provider'));
      }
    }
    if (!operator && !isProviderAdmin(change.settings, who)) {
      const message =
        'You would lose access: keep yourself as programme lead or director, and your tenant.';
      return refused(refuse('SETTING_INVALID', message));
    }
    const written = await this.save(change, existing, who);
    if (written.kind === 'saved' && (existing === undefined || widened)) {
      await this.record(
        existing === undefined ? 'provider-created' : 'provider-tenants-added',
        providerId,
        who,
      );
    }
    return written;
  }

  private async record(
    type: 'provider-created' | 'provider-tenants-added' | 'provider-change-refused',
    providerId: string,
    who: Caller,
  ): Promise<void> {
    await this.deps.audit?.record(
      type,
      providerId,
      '',
      who,
      (this.deps.clock ?? (() => new Date()))(),
    );
  }

  private async save(
    change: SettingsChange,
    existing: ProviderContext | undefined,
    who: Identity,
  ): Promise<SettingsWrite> {
    const kept =
      existing !== undefined && viewOf(existing).procedure.custom ? existing.definition : null;
    const procedure = change.procedure ?? (kept?.id === change.settings.procedureId ? kept : null);
    try {
      const saved = await this.providers.put(
        change.settings,
        procedure,
        existing === undefined ? null : change.ifMatch,
      );
      if (!saved.ok && saved.refusal.code === 'PRECONDITION_FAILED')
        return { kind: 'precondition-failed' };
      if (!saved.ok) return { kind: 'refused', refusal: saved.refusal };
      const windowChanges =
        existing === undefined || this.deps.impact === undefined
          ? undefined
          : await this.deps.impact.apply(existing, saved.value, who);
      return {
        kind: 'saved',
        created: existing === undefined,
        view: viewOf(saved.value),
        ...(windowChanges === undefined ? {} : { windowChanges }),
      };
    } catch (error) {
      // 412: the ETag no longer matches; 404: the row went away since it was read.
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404)) {
        return { kind: 'precondition-failed' };
      }
      throw error;
    }
  }
}

import { RestError } from '@azure/data-tables';
import type { Identity, SettingValues } from '@shared/domain/context';
import { providerWideRoles } from '@shared/domain/roles';
import { fail, ok, refuse, type Refusal, type Result } from '@shared/errors/refusal';
import type { ProviderSettings } from '@shared/procedures/provider-settings';
import { builtInProcedures } from '@shared/procedures/registry';
import type { ProcedureDefinition } from '@shared/procedures/schema';
import type { CaseWindowChange, SettingsImpact } from './settings-impact';
import type { ProviderContext, ProviderDirectory } from './provider-directory';

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

/**
 * Who may read and change a provider's configuration: its programme leads and directors only.
 * Anyone else who is not on the provider's staff is told it does not exist (like a case, Z4).
 */
export class ProviderAdmin {
  constructor(
    private readonly providers: ProviderDirectory,
    private readonly impact?: SettingsImpact,
  ) {}

  /** The settings of a provider the caller administers. */
  async read(who: Identity, providerId: string): Promise<Result<ProviderSettingsView>> {
    const provider = await this.providers.get(providerId);
    if (provider === undefined || !isStaff(provider.settings, who)) return fail(noSuchProvider());
    return isProviderAdmin(provider.settings, who) ? ok(viewOf(provider)) : fail(adminsOnly());
  }

  /**
   * Creates or replaces a provider's settings. Replacing needs the ETag last read (`If-Match`);
   * adding a provider needs an administrator of an existing one. Nobody can remove their own
   * administrator entry. Omitting `procedure` keeps a custom procedure already stored.
   */
  async write(who: Identity, change: SettingsChange): Promise<SettingsWrite> {
    const refused = (refusal: Refusal): SettingsWrite => ({ kind: 'refused', refusal });
    // Decide on fresh data: a lead removed a moment ago must not pass on a cached staff list.
    this.providers.invalidate();
    const existing = await this.providers.get(change.settings.providerId);
    if (existing === undefined) {
      if (change.ifMatch !== null) return { kind: 'precondition-failed' };
      const admins = [...(await this.providers.all()).values()];
      if (!admins.some((p) => isProviderAdmin(p.settings, who))) return refused(adminsOnly());
    } else {
      if (!isStaff(existing.settings, who)) return refused(noSuchProvider());
      if (!isProviderAdmin(existing.settings, who)) return refused(adminsOnly());
      if (change.ifMatch === null) return { kind: 'precondition-required' };
    }
    if (!isProviderAdmin(change.settings, who)) {
      const message =
        'You would lose access: keep yourself as programme lead or director, and your tenant.';
      return refused(refuse('SETTING_INVALID', message));
    }
    return this.save(change, existing, who);
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
        existing === undefined || this.impact === undefined
          ? undefined
          : await this.impact.apply(existing, saved.value, who);
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

import { z } from 'zod';
import { roleSchema, type Role } from './roles';
import type { Param, ProcedureDefinition } from '../procedures/schema';
import type { SettingValues } from './context';
import { fail, ok, refuse, type Result } from '../errors/refusal';

const valueSchemas = {
  dayUnit: z.enum(['school', 'working']),
  number: z.number().int().positive(),
  nullableNumber: z.number().int().positive().nullable(),
  boolean: z.boolean(),
  roles: z.array(roleSchema).min(1),
  choice: z.string(),
} as const;

/** Merges a provider's values over the definition's stated defaults, validating each (X-01..X-12). */
export function resolveSettings(
  definition: ProcedureDefinition,
  values: Readonly<Record<string, unknown>>,
): Result<SettingValues> {
  const known = new Map(definition.settings.map((s) => [s.key, s]));
  for (const key of Object.keys(values)) {
    if (!known.has(key))
      return fail(refuse('SETTING_INVALID', `"${key}" is not a setting of ${definition.title}.`));
  }
  const resolved: Record<string, unknown> = {};
  for (const setting of definition.settings) {
    const value = key(values, setting.key) ? values[setting.key] : setting.default;
    const parsed = valueSchemas[setting.type].safeParse(value);
    const choiceOk = setting.type !== 'choice' || (setting.choices ?? []).includes(value as string);
    if (!parsed.success || !choiceOk) {
      return fail(
        refuse(
          'SETTING_INVALID',
          `Setting "${setting.label}" has an invalid value.`,
          setting.rules,
        ),
      );
    }
    resolved[setting.key] = parsed.data;
  }
  return ok(resolved);
}

function key(values: Readonly<Record<string, unknown>>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(values, name);
}

/** Reads a literal parameter or the provider setting it names. */
export function paramValue<T>(settings: SettingValues, param: Param<T>): T {
  if (typeof param === 'object' && param !== null && !Array.isArray(param) && 'setting' in param) {
    return settings[param.setting] as T;
  }
  return param;
}

/** The setting keys a parameter depends on, to show next to the rule it shapes. */
export function settingsOf(...params: readonly unknown[]): string[] {
  return params.flatMap((p) =>
    typeof p === 'object' && p !== null && 'setting' in p
      ? [(p as { setting: string }).setting]
      : [],
  );
}

/** Reads a role-list parameter. */
export function rolesParam(
  settings: SettingValues,
  param: Param<readonly Role[]> | Param<Role[]>,
): readonly Role[] {
  return paramValue(settings, param as Param<readonly Role[]>);
}

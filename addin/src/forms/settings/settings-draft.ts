import { roleWords } from '../../format/labels';
import type { Settings } from '../../api/provider-schemas';

/** Every role a procedure can give (the API's role ids), for the "roles" settings. */
export { roles as roleIds } from '@shared/domain/role-ids';

/** Replaces item `index` of a list. */
export function replaceAt<T>(list: readonly T[], index: number, next: T): T[] {
  return list.map((item, i) => (i === index ? next : item));
}

/** Removes item `index` of a list. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_item, i) => i !== index);
}

/** The settings with one X-setting set, or removed (back to its stated default) when `value` is undefined. */
export function withValue(settings: Settings, key: string, value: unknown): Settings {
  const { [key]: _old, ...rest } = settings.values;
  return { ...settings, values: value === undefined ? rest : { ...rest, [key]: value } };
}

/** A setting's value as words (defaults and current values alike; a list is a list of roles). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (Array.isArray(value))
    return value.length === 0 ? 'nobody' : value.map((v) => roleWords(String(v))).join(', ');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

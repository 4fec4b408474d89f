import { UnfilledPlaceholderError } from './packaging-errors';
import type { PackageSettings } from './package-settings';

const placeholder = /\{\{([A-Z0-9_]+)\}\}/g;

/** The template's placeholder names mapped to their values. */
export function placeholderValues(settings: PackageSettings): Readonly<Record<string, string>> {
  return {
    APP_ID: settings.appId,
    TAB_DOMAIN: settings.tabDomain,
    APP_VERSION: settings.appVersion,
  };
}

/** Replaces every `{{NAME}}` in `template`; throws `UnfilledPlaceholderError` for a name without a value. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const missing = new Set<string>();
  const filled = template.replace(placeholder, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) missing.add(name);
    return value ?? whole;
  });
  if (missing.size > 0) throw new UnfilledPlaceholderError([...missing]);
  return filled;
}

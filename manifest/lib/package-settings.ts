import { InvalidEnvVarError, MissingEnvVarError } from './packaging-errors';

/** The values that fill the manifest template's placeholders. */
export interface PackageSettings {
  /** Entra app (client) id; also the bot id and the Teams app id. */
  readonly appId: string;
  /** Lower-case host name serving the tab, e.g. `func-x.azurewebsites.net`. */
  readonly tabDomain: string;
  /** The Teams app version, `major.minor.patch`. */
  readonly appVersion: string;
}

interface Rule {
  readonly variable: 'APP_ID' | 'TAB_DOMAIN' | 'APP_VERSION';
  readonly hint: string;
  readonly pattern: RegExp;
  readonly expected: string;
}

const rules: readonly Rule[] = [
  {
    variable: 'APP_ID',
    hint: 'the Entra app (client) id, which is also the bot id',
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    expected: 'a GUID such as 8c3e1a52-0b7d-4f0e-9a51-2f6d3c4b5a69',
  },
  {
    variable: 'TAB_DOMAIN',
    hint: 'the host name that serves the tab and the API, e.g. func-x.azurewebsites.net',
    pattern: /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    expected: 'a lower-case host name such as func-x.azurewebsites.net (no https://, port or path)',
  },
  {
    variable: 'APP_VERSION',
    hint: 'the Teams app version; raise it for every upload, e.g. 1.0.0',
    pattern: /^(?:0|[1-9]\d{0,8})\.(?:0|[1-9]\d{0,8})\.(?:0|[1-9]\d{0,8})$/,
    expected: 'major.minor.patch such as 1.0.0',
  },
];

function read(env: Readonly<Record<string, string | undefined>>, rule: Rule): string {
  const raw = env[rule.variable]?.trim() ?? '';
  if (raw === '') throw new MissingEnvVarError(rule.variable, rule.hint);
  const value = rule.variable === 'APP_ID' ? raw.toLowerCase() : raw;
  if (!rule.pattern.test(value)) throw new InvalidEnvVarError(rule.variable, rule.expected);
  return value;
}

/** Reads `APP_ID`, `TAB_DOMAIN` and `APP_VERSION`; throws naming the first missing or malformed one. */
export function readPackageSettings(
  env: Readonly<Record<string, string | undefined>>,
): PackageSettings {
  const [appId, tabDomain, appVersion] = rules.map((rule) => read(env, rule));
  return { appId: appId ?? '', tabDomain: tabDomain ?? '', appVersion: appVersion ?? '' };
}

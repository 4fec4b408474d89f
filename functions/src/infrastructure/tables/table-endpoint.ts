import { InsecureEndpointError } from './storage-errors';

const DEVELOPMENT_ENDPOINT = 'http://127.0.0.1:10002/devstoreaccount1';

function setting(connectionString: string, name: string): string | undefined {
  for (const part of connectionString.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim().toLowerCase() === name.toLowerCase()) {
      return part.slice(at + 1).trim();
    }
  }
  return undefined;
}

/** The table endpoint a connection string points at. */
export function tableEndpointOf(connectionString: string): string {
  if (setting(connectionString, 'UseDevelopmentStorage')?.toLowerCase() === 'true') {
    return DEVELOPMENT_ENDPOINT;
  }
  const explicit = setting(connectionString, 'TableEndpoint');
  if (explicit !== undefined) return explicit;
  const protocol = setting(connectionString, 'DefaultEndpointsProtocol') ?? 'https';
  const suffix = setting(connectionString, 'EndpointSuffix') ?? 'core.windows.net';
  return `${protocol}://${setting(connectionString, 'AccountName') ?? ''}.table.${suffix}`;
}

/** True only for plain http on 127.0.0.1 or localhost; throws for plain http anywhere else. */
export function allowsInsecure(endpoint: string): boolean {
  const url = new URL(endpoint);
  if (url.protocol === 'https:') return false;
  if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) {
    return true;
  }
  throw new InsecureEndpointError(`refusing ${url.protocol} table endpoint ${url.host}: use https`);
}

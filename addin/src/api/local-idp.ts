import { ApiError } from './api-error';
import { readProblem } from './problem-message';

/** A persona of the local sign-in (local mode only). */
export interface Persona {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly providerId: string;
}

/** The local personas, or undefined when the local sign-in is not running (not local mode). */
export async function fetchPersonas(): Promise<readonly Persona[] | undefined> {
  const response = await fetch('/local-idp/personas');
  if (!response.ok) return undefined;
  const body = (await response.json()) as { personas: Persona[] };
  return body.personas;
}

/** An access token for a persona; kept in memory by the caller, never stored. */
export async function fetchLocalToken(personaId: string): Promise<string> {
  const response = await fetch('/local-idp/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona: personaId }),
  });
  if (!response.ok) throw new ApiError(await readProblem(response));
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

/** A readable message from an error response (problem+json `detail`, else the status). */
export async function problemMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { detail?: unknown };
    if (typeof body.detail === 'string') return `${body.detail} (HTTP ${response.status})`;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  return `The request failed (HTTP ${response.status}).`;
}

import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

/**
 * The app's user-assigned managed identity, with `@azure/identity` loaded on the first token
 * request rather than at start-up (it is a large module; a cold start should serve first).
 */
export function lazyManagedIdentity(clientId: string | undefined): TokenCredential {
  let credential: Promise<TokenCredential> | undefined;
  const load = async (): Promise<TokenCredential> => {
    const { ManagedIdentityCredential } = await import('@azure/identity');
    return clientId === undefined
      ? new ManagedIdentityCredential()
      : new ManagedIdentityCredential({ clientId });
  };
  return {
    getToken: async (
      scopes: string | string[],
      options?: GetTokenOptions,
    ): Promise<AccessToken | null> => (await (credential ??= load())).getToken(scopes, options),
  };
}

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApp } from '../app/api-context';
import { providerApi } from '../api/provider-api';

/** Query keys of the provider views. */
export const providerKeys = {
  overview: (providerId: string) => ['provider', providerId, 'overview'] as const,
  settings: (providerId: string) => ['provider', providerId, 'settings'] as const,
};

/** The provider views' API, signed in as the session's user. */
export function useProviderApi() {
  const { session } = useApp();
  return useMemo(() => providerApi(session.token), [session]);
}

/** The provider overview's figures. */
export function useProviderOverview(providerId: string) {
  const api = useProviderApi();
  return useQuery({
    queryKey: providerKeys.overview(providerId),
    queryFn: () => api.overview(providerId),
  });
}

/** The provider's settings (with the ETag to save them under). */
export function useProviderSettings(providerId: string) {
  const api = useProviderApi();
  return useQuery({
    queryKey: providerKeys.settings(providerId),
    queryFn: () => api.settings(providerId),
    staleTime: 0,
  });
}

import { useQuery } from '@tanstack/react-query';
import { useApp } from '../app/api-context';

/** Query keys, so a command can refresh exactly what it changed. */
export const keys = {
  mine: ['cases', 'mine'] as const,
  case: (caseId: string) => ['case', caseId] as const,
  history: (caseId: string) => ['case', caseId, 'history'] as const,
  verification: (caseId: string) => ['case', caseId, 'history', 'verification'] as const,
  outline: (providerId: string) => ['outline', providerId] as const,
};

/** The caller's cases. */
export function useMyCases() {
  const { api } = useApp();
  return useQuery({ queryKey: keys.mine, queryFn: () => api.listMine() });
}

/** One case as the caller may see it. */
export function useCase(caseId: string) {
  const { api } = useApp();
  return useQuery({ queryKey: keys.case(caseId), queryFn: () => api.getCase(caseId) });
}

/** The case's audit history (loaded when its section is shown). */
export function useHistory(caseId: string) {
  const { api } = useApp();
  return useQuery({ queryKey: keys.history(caseId), queryFn: () => api.history(caseId) });
}

/** The hash chain's verification (refreshed with the history). */
export function useVerification(caseId: string) {
  const { api } = useApp();
  return useQuery({ queryKey: keys.verification(caseId), queryFn: () => api.verification(caseId) });
}

/** The provider's procedure outline (stages, categories, IMP points); rarely changes. */
export function useOutline(providerId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: keys.outline(providerId ?? ''),
    queryFn: () => api.outline(providerId ?? ''),
    enabled: providerId !== undefined,
    staleTime: 10 * 60_000,
  });
}

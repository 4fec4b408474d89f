import { FluentProvider } from '@fluentui/react-provider';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { ApiClient } from '../api/client';
import { caseApi } from '../api/queries';
import { AppContextProvider } from './api-context';
import { createTabRouter } from './routes';
import type { Session } from './session';
import { themeFor, type HostThemeName } from './theme';

/** The signed-in tab: theme from the host (live), server state, routes per view. */
export function Shell({ session }: { session: Session }) {
  const [theme, setTheme] = useState<HostThemeName>(session.theme);
  useEffect(() => {
    session.onThemeChange(setTheme);
  }, [session]);
  const value = useMemo(() => ({ api: caseApi(new ApiClient(session.token)), session }), [session]);
  const [queries] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: 1, staleTime: 15_000, refetchOnWindowFocus: false } },
      }),
  );
  const [router] = useState(() => createTabRouter(session.initialRoute));
  return (
    <FluentProvider theme={themeFor(theme)} data-theme={theme} style={{ minHeight: '100vh' }}>
      <QueryClientProvider client={queries}>
        <AppContextProvider value={value}>
          <RouterProvider router={router} />
        </AppContextProvider>
      </QueryClientProvider>
    </FluentProvider>
  );
}

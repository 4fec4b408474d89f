import { createContext, useContext, type ReactNode } from 'react';
import type { CaseApi } from '../api/queries';
import type { Session } from './session';

interface AppContextValue {
  readonly api: CaseApi;
  readonly session: Session;
}

const AppContext = createContext<AppContextValue | null>(null);

/** Provides the signed-in API to every view. */
export function AppContextProvider({
  value,
  children,
}: {
  value: AppContextValue;
  children: ReactNode;
}) {
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

/** The signed-in API and session (only inside the shell). */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new TypeError('useApp outside AppContextProvider');
  return value;
}

import { Body1, MessageBar, MessageBarBody, Title3 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { fetchLocalToken, fetchPersonas, type Persona } from '../api/local-idp';
import { PersonaPicker } from '../components/PersonaPicker';
import { MyCases } from '../pages/MyCases';
import { isFramed, teamsToken } from './teams-token';

type SignIn =
  | { kind: 'starting' }
  | { kind: 'pick'; personas: readonly Persona[] }
  | { kind: 'signed-in'; token: string }
  | { kind: 'unavailable'; message: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The placeholder tab: Teams SSO when framed, the local persona picker in a plain browser. */
export function App() {
  // The token lives in this component's memory only: never localStorage or sessionStorage (P5).
  const [state, setState] = useState<SignIn>({ kind: 'starting' });
  useEffect(() => {
    const start = isFramed()
      ? teamsToken().then((token) => ({ kind: 'signed-in', token }) as const)
      : localStart();
    start.then(setState, (error: unknown) => {
      setState({ kind: 'unavailable', message: errorText(error) });
    });
  }, []);
  const pick = (personaId: string) => {
    fetchLocalToken(personaId).then(
      (token) => {
        setState({ kind: 'signed-in', token });
      },
      (error: unknown) => {
        setState({ kind: 'unavailable', message: errorText(error) });
      },
    );
  };
  return (
    <main style={{ padding: 16, display: 'grid', gap: 12 }}>
      <Title3>Support plans</Title3>
      {state.kind === 'starting' && <Body1>Signing in…</Body1>}
      {state.kind === 'pick' && <PersonaPicker personas={state.personas} onPick={pick} />}
      {state.kind === 'signed-in' && <MyCases token={state.token} />}
      {state.kind === 'unavailable' && (
        <MessageBar intent="warning">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}

async function localStart(): Promise<SignIn> {
  const personas = await fetchPersonas();
  if (personas === undefined) {
    return {
      kind: 'unavailable',
      message: 'Open this app in Microsoft Teams or Outlook to sign in.',
    };
  }
  return { kind: 'pick', personas };
}

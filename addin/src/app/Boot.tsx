// Fluent per package, never the barrel, in the shell (see Layout.tsx).
import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import { FluentProvider } from '@fluentui/react-provider';
import { Spinner } from '@fluentui/react-spinner';
import { Title3 } from '@fluentui/react-text';
import { teamsLightTheme } from '@fluentui/react-theme';
import { lazy, Suspense, useEffect, useState } from 'react';
import { fetchPersonas, type Persona } from '../api/local-idp';
import { OpenInHost } from '../pages/OpenInHost';
import { localSession } from './local-session';
import { isFramed, type Session } from './session';
import { Shell } from './Shell';

// Local mode only: its Dropdown (combobox, positioning) stays out of the initial JavaScript.
const PersonaPicker = lazy(() =>
  import('../components/PersonaPicker').then((m) => ({ default: m.PersonaPicker })),
);

type Boot =
  | { kind: 'starting' }
  | { kind: 'pick'; personas: readonly Persona[]; failed?: string }
  | { kind: 'outside-host' }
  | { kind: 'ready'; session: Session }
  | { kind: 'failed'; message: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Starts the tab. Framed (Teams/Outlook): connect to the host. A plain browser never waits for
 * `initialize` (it would time out after 60 s): the local persona sign-in when the local IdP
 * answers, otherwise a page saying how to open the app.
 */
export function Boot() {
  const [state, setState] = useState<Boot>({ kind: 'starting' });
  useEffect(() => {
    const start: Promise<Boot> = isFramed()
      ? import('./teams-host').then(async (m) => ({
          kind: 'ready',
          session: await m.connectTeamsHost(),
        }))
      : fetchPersonas().then(async (personas): Promise<Boot> => {
          if (personas === undefined) return { kind: 'outside-host' };
          // Local mode only (the local IdP answered): `?persona=<id>` signs straight in.
          const wanted = new URLSearchParams(window.location.search).get('persona');
          const persona = personas.find((p) => p.id === wanted);
          if (persona === undefined) return { kind: 'pick', personas };
          return { kind: 'ready', session: await localSession(persona) };
        });
    start.then(setState, (error: unknown) => {
      setState({ kind: 'failed', message: errorText(error) });
    });
  }, []);
  if (state.kind === 'ready') return <Shell session={state.session} />;
  const pick = (persona: Persona) => {
    localSession(persona).then(
      (session) => {
        setState({ kind: 'ready', session });
      },
      (error: unknown) => {
        if (state.kind === 'pick') setState({ ...state, failed: errorText(error) });
      },
    );
  };
  return (
    <FluentProvider theme={teamsLightTheme} style={{ minHeight: '100vh' }}>
      <main style={{ padding: 16, display: 'grid', gap: 12, maxWidth: 640 }}>
        <Title3 as="h1">Support plans</Title3>
        {state.kind === 'starting' && (
          <div role="status">
            <Spinner size="small" label="Signing in…" />
          </div>
        )}
        {state.kind === 'pick' && (
          <>
            <Suspense fallback={<Spinner size="small" label="Loading personas…" />}>
              <PersonaPicker personas={state.personas} onPick={pick} />
            </Suspense>
            {state.failed !== undefined && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{state.failed}</MessageBarBody>
              </MessageBar>
            )}
          </>
        )}
        {state.kind === 'outside-host' && <OpenInHost />}
        {state.kind === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>Could not start: {state.message}</MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}

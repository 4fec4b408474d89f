import {
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Settings, SettingsView } from '../api/provider-schemas';
import { ApiProblem } from '../components/ApiProblem';
import { Loading } from '../components/Loading';
import { CalendarEditor } from '../forms/settings/CalendarEditor';
import { EditorFrame } from '../forms/settings/EditorFrame';
import { SaveBar } from '../forms/settings/SaveBar';
import { StaffEditor } from '../forms/settings/StaffEditor';
import { TenantsEditor } from '../forms/settings/TenantsEditor';
import { WindowChanges } from '../forms/settings/WindowChanges';
import { XSettingsEditor } from '../forms/settings/XSettingsEditor';
import { providerKeys, useProviderApi, useProviderSettings } from '../hooks/provider-queries';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  back: { color: tokens.colorBrandForegroundLink },
  title: { display: 'block' },
});

/** Provider settings (programme leads and directors): calendar, X-settings, staff and tenants, saved with If-Match. */
export default function ProviderSettings() {
  const styles = useStyles();
  const { providerId = '' } = useParams();
  const api = useProviderApi();
  const queries = useQueryClient();
  const current = useProviderSettings(providerId);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [saved, setSaved] = useState<SettingsView | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const data = current.data;
  useEffect(() => {
    if (data !== undefined && draft === null) {
      setDraft(data.settings);
      setEtag(data.etag);
    }
  }, [data, draft]);
  const save = useMutation({
    mutationFn: (next: { settings: Settings; etag: string }) =>
      api.saveSettings(providerId, next.settings, next.etag),
    onSuccess: (view) => {
      queries.setQueryData(providerKeys.settings(providerId), view);
      void queries.invalidateQueries({ queryKey: providerKeys.overview(providerId) });
      setDraft(view.settings);
      setEtag(view.etag);
      setSaved(view);
      setTimeout(() => status.current?.focus(), 0);
    },
  });
  if (current.isPending) return <Loading label="Loading the provider’s settings" />;
  if (current.isError)
    return <ApiProblem error={current.error} title="Could not open the provider settings" />;
  const view = save.data ?? current.data;
  if (draft === null || etag === null) return <Loading label="Loading the provider’s settings" />;
  const dirty = JSON.stringify(draft) !== JSON.stringify(view.settings);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!save.isPending) save.mutate({ settings: draft, etag });
  };
  const reload = async () => {
    const fresh = await current.refetch();
    if (fresh.data !== undefined) {
      setDraft(fresh.data.settings);
      setEtag(fresh.data.etag);
      save.reset();
    }
  };
  return (
    <article className={styles.page} aria-labelledby="settings-title">
      <Caption1>
        <Link to="/" className={styles.back}>
          My cases
        </Link>
      </Caption1>
      <div>
        <Subtitle1 as="h1" id="settings-title" className={styles.title}>
          Provider settings
        </Subtitle1>
        <Caption1 as="p">{`${view.settings.name} · ${view.procedure.title} (version ${view.procedure.version})`}</Caption1>
      </div>
      <div ref={status} tabIndex={-1} role="status" aria-live="polite">
        {saved !== null && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>Settings saved.</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {saved !== null && (
        <EditorFrame id="impact" title="What this change moved">
          <WindowChanges changes={saved.windowChanges ?? []} />
        </EditorFrame>
      )}
      <form onSubmit={submit} aria-label="Provider settings" noValidate>
        <CalendarEditor
          calendar={draft.calendar}
          onChange={(calendar) => {
            setDraft({ ...draft, calendar });
          }}
        />
        <XSettingsEditor
          definitions={view.settingDefinitions}
          settings={draft}
          resolved={view.resolved}
          onChange={setDraft}
        />
        <StaffEditor
          staff={draft.staff}
          onChange={(staff) => {
            setDraft({ ...draft, staff });
          }}
        />
        <TenantsEditor
          tenants={draft.tenants}
          onChange={(tenants) => {
            setDraft({ ...draft, tenants });
          }}
        />
        <SaveBar
          pending={save.isPending}
          dirty={dirty}
          error={save.error}
          onReload={() => {
            void reload();
          }}
        />
      </form>
    </article>
  );
}

import { tokens } from '@fluentui/react-theme';
import { makeStyles } from '@griffel/react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { NavLink } from 'react-router';
import { ApiClient } from '../api/client';
import { myProvidersSchema } from '../api/my-providers';
import { useApp } from '../app/api-context';

const useStyles = makeStyles({
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  link: { color: tokens.colorBrandForegroundLink },
});

const labels: Readonly<Record<string, string>> = {
  overview: 'Provider overview',
  settings: 'Provider settings',
};

/** Links to the provider views the API says the caller may open (programme leads and directors). */
export function ProviderNav() {
  const styles = useStyles();
  const { session } = useApp();
  const client = useMemo(() => new ApiClient(session.token), [session]);
  const mine = useQuery({
    queryKey: ['me', 'providers'],
    queryFn: () => client.get('me/providers', myProvidersSchema),
    staleTime: 5 * 60_000,
  });
  const links = (mine.data?.providers ?? []).flatMap((p, _i, all) =>
    p.views
      .filter((v) => v in labels)
      .map((v) => ({
        to: `/providers/${encodeURIComponent(p.providerId)}/${v}`,
        text: all.length > 1 ? `${labels[v] ?? v}: ${p.name}` : (labels[v] ?? v),
      })),
  );
  if (links.length === 0) return null;
  return (
    <nav aria-label="Provider" className={styles.nav}>
      {links.map((l) => (
        <NavLink key={l.to} to={l.to} className={styles.link}>
          {l.text}
        </NavLink>
      ))}
    </nav>
  );
}

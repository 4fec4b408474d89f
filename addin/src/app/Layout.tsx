// The shell imports Fluent per package, not from the @fluentui/react-components barrel: esbuild
// puts everything the barrel re-exports for any view into a chunk the shell loads (ADR 0014).
import { Select } from '@fluentui/react-select';
import { Text } from '@fluentui/react-text';
import { tokens } from '@fluentui/react-theme';
import { makeStyles } from '@griffel/react';
import { Link, Outlet } from 'react-router';
import { ProviderNav } from '../components/ProviderNav';
import { useApp } from './api-context';
import { hostThemeName } from './theme';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  spacer: { flexGrow: 1 },
  main: {
    padding: tokens.spacingHorizontalM,
    maxWidth: '1200px',
    marginInline: 'auto',
    boxSizing: 'border-box',
    width: '100%',
  },
  link: { color: tokens.colorBrandForegroundLink },
});

/** Header (home link; in local mode who is signed in and a theme switch) and the current view. */
export function Layout() {
  const styles = useStyles();
  const { session } = useApp();
  return (
    <>
      <header className={styles.header}>
        <Link to="/" className={styles.link}>
          <Text className={styles.brand}>Support plans</Text>
        </Link>
        <ProviderNav />
        <span className={styles.spacer} />
        {session.personaName !== undefined && (
          <Text size={200}>Signed in locally as {session.personaName}</Text>
        )}
        {session.setTheme !== undefined && (
          <Select
            aria-label="Theme (local mode)"
            defaultValue={session.theme}
            size="small"
            onChange={(_e, data) => session.setTheme?.(hostThemeName(data.value))}
          >
            <option value="default">Light</option>
            <option value="dark">Dark</option>
            <option value="contrast">High contrast</option>
          </Select>
        )}
      </header>
      <main className={styles.main} id="main">
        <Outlet />
      </main>
    </>
  );
}

import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-theme';

/** The host's theme names (Teams, Outlook and Microsoft 365 use the same three). */
export type HostThemeName = 'default' | 'dark' | 'contrast';

/** The host's theme name from what teams-js reports (anything unknown is the default theme). */
export function hostThemeName(raw: string | undefined | null): HostThemeName {
  return raw === 'dark' || raw === 'contrast' ? raw : 'default';
}

/** The Fluent UI theme for a host theme. */
export function themeFor(name: HostThemeName): Theme {
  if (name === 'dark') return teamsDarkTheme;
  if (name === 'contrast') return teamsHighContrastTheme;
  return teamsLightTheme;
}

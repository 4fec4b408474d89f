import { Badge, Caption1, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { SettingDefinition, Settings } from '../../api/provider-schemas';
import { EditorFrame } from './EditorFrame';
import { SettingControl } from './SettingControl';
import { valueText, withValue } from './settings-draft';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalM },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/**
 * The procedure's settings (X-items: the source documents' ambiguities), each with its stated
 * default and the rules it shapes. A setting either takes the default or a value of its own.
 */
export function XSettingsEditor({
  definitions,
  settings,
  resolved,
  onChange,
}: {
  definitions: readonly SettingDefinition[];
  settings: Settings;
  resolved: Readonly<Record<string, unknown>>;
  onChange: (next: Settings) => void;
}) {
  const styles = useStyles();
  return (
    <EditorFrame id="procedure-settings" title="Procedure settings">
      <p>
        Where the procedure’s documents leave something open, it is a setting with a stated default.
        Each says which rules it shapes.
      </p>
      <ul className={styles.list} aria-label="Procedure settings">
        {definitions.map((d) => {
          const own = Object.prototype.hasOwnProperty.call(settings.values, d.key);
          const value: unknown = own ? settings.values[d.key] : (resolved[d.key] ?? d.default);
          return (
            <li key={d.key} className={styles.item} aria-labelledby={`setting-${d.key}`}>
              <div className={styles.head}>
                <Text weight="semibold" id={`setting-${d.key}`}>
                  {d.label}
                </Text>
                {d.rules.map((r) => (
                  <Badge key={r} appearance="outline">
                    {r}
                  </Badge>
                ))}
              </div>
              <Caption1>{d.description}</Caption1>
              <Caption1>{`Shapes ${d.rules.join(', ')}. Stated default: ${valueText(d.default)}.`}</Caption1>
              <Checkbox
                label={`${d.label}: use the stated default (${valueText(d.default)})`}
                checked={!own}
                onChange={(_e, c) => {
                  onChange(withValue(settings, d.key, c.checked === true ? undefined : value));
                }}
              />
              {own && (
                <SettingControl
                  definition={d}
                  value={value}
                  onChange={(next) => {
                    onChange(withValue(settings, d.key, next));
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
    </EditorFrame>
  );
}

import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  set: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingBlockEnd: tokens.spacingVerticalXXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Props of a group of checkboxes. */
export interface CheckGroupProps {
  readonly label: string;
  readonly options: readonly { id: string; label: string }[];
  readonly chosen: readonly string[];
  readonly onChange: (chosen: readonly string[]) => void;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}

/**
 * Several checkboxes under one legend. Not inside a Fluent `Field`: a Field gives its one control
 * its id, so every checkbox in it would share the first one's label target.
 */
export function CheckGroup({ label, options, chosen, onChange, hint, error }: CheckGroupProps) {
  const styles = useStyles();
  return (
    <fieldset className={styles.set}>
      <legend className={styles.legend}>{label}</legend>
      {hint !== undefined && <Text size={200}>{hint}</Text>}
      {options.map((o) => (
        <Checkbox
          key={o.id}
          label={o.label}
          checked={chosen.includes(o.id)}
          onChange={(_e, d) => {
            onChange(d.checked === true ? [...chosen, o.id] : chosen.filter((x) => x !== o.id));
          }}
        />
      ))}
      {error !== undefined && (
        <Text size={200} className={styles.error} role="alert">
          {error}
        </Text>
      )}
    </fieldset>
  );
}

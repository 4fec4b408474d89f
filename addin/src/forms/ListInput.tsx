import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  items: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** Props of a list of short texts (actions, indicators). */
export interface ListInputProps {
  readonly label: string;
  readonly items: readonly string[];
  readonly onChange: (items: readonly string[]) => void;
  readonly suggestions?: readonly string[];
  readonly error?: string | undefined;
  readonly hint?: string;
}

/** Adds and removes short texts; suggestions come from the case (e.g. indicators already in use). */
export function ListInput({
  label,
  items,
  onChange,
  suggestions = [],
  error,
  hint,
}: ListInputProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState('');
  const listId = useId();
  const add = () => {
    const value = draft.trim();
    if (value !== '' && !items.includes(value)) onChange([...items, value]);
    setDraft('');
  };
  return (
    <Field
      label={label}
      hint={hint}
      validationMessage={error}
      validationState={error === undefined ? 'none' : 'error'}
    >
      <div className={styles.row}>
        <Input
          value={draft}
          list={suggestions.length > 0 ? listId : undefined}
          onChange={(_e, d) => {
            setDraft(d.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button onClick={add} aria-label={`Add to ${label}`}>
          Add
        </Button>
      </div>
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      {items.length > 0 && (
        <ul className={styles.items} aria-label={label}>
          {items.map((item) => (
            <li key={item}>
              {item}{' '}
              <Button
                size="small"
                appearance="subtle"
                onClick={() => {
                  onChange(items.filter((i) => i !== item));
                }}
                aria-label={`Remove ${item}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Field>
  );
}

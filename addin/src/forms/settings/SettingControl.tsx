import { Checkbox, Field, Input, Select } from '@fluentui/react-components';
import type { SettingDefinition } from '../../api/provider-schemas';
import { roleWords } from '../../format/labels';
import { roleIds } from './settings-draft';

/** The input for one X-setting's own value (shown when it does not take the stated default). */
export function SettingControl({
  definition,
  value,
  onChange,
}: {
  definition: SettingDefinition;
  value: unknown;
  onChange: (next: unknown) => void;
}) {
  const label = `${definition.label}: value`;
  switch (definition.type) {
    case 'dayUnit':
      return (
        <Field label={label}>
          <Select
            value={value === 'working' ? 'working' : 'school'}
            onChange={(_e, d) => {
              onChange(d.value);
            }}
          >
            <option value="school">School days</option>
            <option value="working">Working days</option>
          </Select>
        </Field>
      );
    case 'choice':
      return (
        <Field label={label}>
          <Select
            value={typeof value === 'string' ? value : ''}
            onChange={(_e, d) => {
              onChange(d.value);
            }}
          >
            {(definition.choices ?? []).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'boolean':
      return (
        <Checkbox
          label={`${definition.label}: yes`}
          checked={value === true}
          onChange={(_e, d) => {
            onChange(d.checked === true);
          }}
        />
      );
    case 'roles': {
      const chosen = Array.isArray(value) ? value.map(String) : [];
      return (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>{label}</legend>
          {roleIds.map((r) => (
            <Checkbox
              key={r}
              label={roleWords(r)}
              checked={chosen.includes(r)}
              onChange={(_e, d) => {
                onChange(d.checked === true ? [...chosen, r] : chosen.filter((x) => x !== r));
              }}
            />
          ))}
        </fieldset>
      );
    }
    case 'number':
    case 'nullableNumber': {
      const text = typeof value === 'number' ? String(value) : '';
      return (
        <Field
          label={label}
          hint={definition.type === 'nullableNumber' ? 'Leave empty for none' : undefined}
        >
          <Input
            type="number"
            inputMode="numeric"
            value={text}
            onChange={(_e, d) => {
              const n = Number(d.value);
              onChange(
                d.value.trim() === '' || !Number.isFinite(n)
                  ? definition.type === 'nullableNumber'
                    ? null
                    : d.value
                  : n,
              );
            }}
          />
        </Field>
      );
    }
  }
}

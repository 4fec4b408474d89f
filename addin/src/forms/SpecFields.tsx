import { Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { CheckGroup } from './CheckGroup';
import type { FieldSpec, FieldValues } from './field-spec';

/** Props of the spec-driven fields. */
export interface SpecFieldsProps {
  readonly fields: readonly FieldSpec[];
  readonly values: FieldValues;
  readonly onChange: (name: string, value: string | boolean | readonly string[]) => void;
  readonly errorFor: (name: string) => string | undefined;
}

/** Renders fields from their specs; the API's message for a field shows under it. */
export function SpecFields({ fields, values, onChange, errorFor }: SpecFieldsProps) {
  return (
    <>
      {fields.map((f) => {
        const error = errorFor(f.name);
        const common = {
          label: f.label,
          hint: f.hint,
          validationMessage: error,
          validationState: error === undefined ? ('none' as const) : ('error' as const),
        };
        const text = String(values[f.name] ?? '');
        switch (f.kind) {
          case 'textarea':
            return (
              <Field key={f.name} {...common} required={f.required}>
                <Textarea
                  value={text}
                  resize="vertical"
                  onChange={(_e, d) => {
                    onChange(f.name, d.value);
                  }}
                />
              </Field>
            );
          case 'select':
            return (
              <Field key={f.name} {...common} required={f.required}>
                <Select
                  value={text}
                  onChange={(_e, d) => {
                    onChange(f.name, d.value);
                  }}
                >
                  {f.nullable === true || f.initial === undefined ? (
                    <option value="">Choose…</option>
                  ) : null}
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          case 'checkbox':
            return (
              <Field key={f.name} {...common} label={undefined}>
                <Checkbox
                  label={f.label}
                  checked={values[f.name] === true}
                  onChange={(_e, d) => {
                    onChange(f.name, d.checked === true);
                  }}
                />
              </Field>
            );
          case 'people':
            return (
              <CheckGroup
                key={f.name}
                label={f.label}
                hint={f.hint}
                error={error}
                options={f.people}
                chosen={(values[f.name] ?? []) as readonly string[]}
                onChange={(chosen) => {
                  onChange(f.name, chosen);
                }}
              />
            );
          default: {
            const type =
              f.kind === 'datetime'
                ? 'datetime-local'
                : f.kind === 'date'
                  ? 'date'
                  : f.kind === 'number'
                    ? 'number'
                    : 'text';
            return (
              <Field key={f.name} {...common} required={f.required}>
                <Input
                  type={type}
                  value={text}
                  onChange={(_e, d) => {
                    onChange(f.name, d.value);
                  }}
                />
              </Field>
            );
          }
        }
      })}
    </>
  );
}

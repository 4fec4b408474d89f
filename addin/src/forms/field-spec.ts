/** One field of a spec-driven command form. */
export type FieldSpec =
  | {
      kind: 'text' | 'textarea' | 'date' | 'datetime' | 'number';
      name: string;
      label: string;
      hint?: string;
      required?: boolean;
      initial?: string;
    }
  | {
      kind: 'select';
      name: string;
      label: string;
      hint?: string;
      required?: boolean;
      options: readonly { value: string; label: string }[];
      initial?: string;
      nullable?: boolean;
    }
  | { kind: 'checkbox'; name: string; label: string; hint?: string; initial?: boolean }
  | {
      kind: 'people';
      name: string;
      label: string;
      hint?: string;
      required?: boolean;
      people: readonly { id: string; label: string }[];
      initial?: readonly string[];
    };

/** Field values as the form holds them. */
export type FieldValues = Record<string, string | boolean | readonly string[]>;

/** The values a spec starts with. */
export function initialValues(fields: readonly FieldSpec[]): FieldValues {
  const values: FieldValues = {};
  for (const f of fields) {
    if (f.kind === 'checkbox') values[f.name] = f.initial ?? false;
    else if (f.kind === 'people') values[f.name] = f.initial ?? [];
    else values[f.name] = f.initial ?? '';
  }
  return values;
}

/** The command fields from the form's values: numbers as numbers, empty optional choices as null. */
export function commandFields(
  fields: readonly FieldSpec[],
  values: FieldValues,
  toInstant: (local: string) => string | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const value = values[f.name];
    if (f.kind === 'number') out[f.name] = value === '' ? undefined : Number(value);
    else if (f.kind === 'datetime') out[f.name] = toInstant(String(value)) ?? value;
    else if (f.kind === 'select' && f.nullable === true && value === '') out[f.name] = null;
    else out[f.name] = value;
  }
  return out;
}

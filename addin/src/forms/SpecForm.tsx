import { useState } from 'react';
import { ukLocalToInstant } from '../format/dates';
import { commandFields, initialValues } from './field-spec';
import type { FormProps } from './form-props';
import { FormShell } from './FormShell';
import { SpecFields } from './SpecFields';
import { bodyTransforms, fieldSpecs, paramsFolded } from './specs';
import { useCommand } from './use-command';

/** A command form built from its field spec (most commands). */
export function SpecForm({ command, view, outline, onDone }: FormProps) {
  const fields = (fieldSpecs[command.type] ?? (() => []))(view, outline, command);
  const [values, setValues] = useState(() => initialValues(fields));
  const submit = useCommand(view.caseId, command);
  const send = () => {
    const flat = commandFields(fields, values, ukLocalToInstant);
    const folded = paramsFolded.has(command.type) ? { ...command.params, ...flat } : flat;
    const body = bodyTransforms[command.type]?.(folded) ?? flat;
    submit.submit(body).then(
      () => {
        onDone(`${command.label}: done.`);
      },
      () => undefined, // shown by FormShell beside the button
    );
  };
  return (
    <FormShell label={command.label} rules={command.rules} submit={submit} onSubmit={send}>
      <SpecFields
        fields={fields}
        values={values}
        onChange={(name, value) => {
          setValues((v) => ({ ...v, [name]: value }));
        }}
        errorFor={submit.fieldError}
      />
    </FormShell>
  );
}

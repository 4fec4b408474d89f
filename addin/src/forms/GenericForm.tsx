import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormProps } from './form-props';
import { FormShell } from './FormShell';
import { useCommand } from './use-command';

/** The fallback for a command with no form yet: its fields as JSON (the API checks them and says what is wrong). */
export function GenericForm({ command, view, onDone }: FormProps) {
  const [text, setText] = useState('{}');
  const [parseError, setParseError] = useState<string | undefined>();
  const submit = useCommand(view.caseId, command);
  const send = () => {
    let fields: unknown;
    try {
      fields = JSON.parse(text);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      setParseError(`Not valid JSON: ${error.message}`);
      return;
    }
    setParseError(undefined);
    submit.submit(fields as Record<string, unknown>).then(
      () => {
        onDone(`${command.label}: done.`);
      },
      () => undefined,
    );
  };
  return (
    <FormShell label={command.label} rules={command.rules} submit={submit} onSubmit={send}>
      <Field
        label={`Fields of ${command.type} (JSON)`}
        hint={`Fixed by this option: ${JSON.stringify(command.params)}`}
        validationMessage={parseError}
        validationState={parseError === undefined ? 'none' : 'error'}
      >
        <Textarea
          value={text}
          onChange={(_e, d) => {
            setText(d.value);
          }}
        />
      </Field>
    </FormShell>
  );
}

import { Body1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ukDate } from '../format/dates';
import type { FormProps } from './form-props';
import { FormShell } from './FormShell';
import { useCommand } from './use-command';

const useStyles = makeStyles({
  plan: {
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: '240px',
    overflowY: 'auto',
  },
});

/** Signing: the exact plan version being signed is shown, and the signer types their full name. */
export function SignForm({ command, view, onDone }: FormProps) {
  const styles = useStyles();
  const plan = view.stage?.plan;
  const [name, setName] = useState('');
  const submit = useCommand(view.caseId, command);
  const version = Number(command.params.planVersion ?? plan?.version ?? 0);
  const send = () => {
    submit.submit({ typedFullName: name }).then(
      () => {
        onDone(`Signed version ${version} of the plan.`);
      },
      () => undefined,
    );
  };
  return (
    <FormShell label={command.label} rules={command.rules} submit={submit} onSubmit={send}>
      <Body1 as="p">
        {`You are signing version ${version} of the ${view.stage?.label ?? ''} plan`}
        {plan?.reviewDate === null || plan === undefined
          ? '.'
          : `, review on ${ukDate(plan.reviewDate)}.`}
      </Body1>
      <div
        className={styles.plan}
        aria-label={`Plan version ${version}`}
        role="region"
        tabIndex={0}
      >
        {plan?.overview !== '' && <p>{plan?.overview}</p>}
        <ol>
          {plan?.targets.map((t) => (
            <li key={t.targetId}>
              {t.text}
              {t.actions.length > 0 && (
                <ul>
                  {t.actions.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </div>
      <Field
        label="Type your full name to sign"
        required
        validationMessage={submit.fieldError('typedFullName')}
        validationState={submit.fieldError('typedFullName') === undefined ? 'none' : 'error'}
      >
        <Input
          value={name}
          autoComplete="name"
          onChange={(_e, d) => {
            setName(d.value);
          }}
        />
      </Field>
    </FormShell>
  );
}

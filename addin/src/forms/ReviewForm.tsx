import {
  Field,
  Input,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FormProps } from './form-props';
import { FormShell } from './FormShell';
import { useCommand } from './use-command';

const useStyles = makeStyles({
  target: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold },
});

interface Outcome {
  met: boolean | null;
  evidence: string;
}

const todayUk = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/** A review of the plan: met or not met with evidence for each target, and notes. */
export function ReviewForm({ command, view, onDone }: FormProps) {
  const styles = useStyles();
  const targets = view.stage?.plan.targets ?? [];
  const [heldOn, setHeldOn] = useState(todayUk);
  const [notes, setNotes] = useState('');
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const submit = useCommand(view.caseId, command);
  const outcome = (id: string): Outcome => outcomes[id] ?? { met: null, evidence: '' };
  const set = (id: string, patch: Partial<Outcome>) => {
    setOutcomes((o) => ({ ...o, [id]: { ...outcome(id), ...patch } }));
  };
  const send = () => {
    const body = {
      heldOn,
      notes,
      outcomes: targets.map((t) => ({
        targetId: t.targetId,
        met: outcome(t.targetId).met === true,
        evidence: outcome(t.targetId).evidence,
      })),
    };
    submit.submit(body).then(
      () => {
        onDone('Review recorded.');
      },
      () => undefined,
    );
  };
  return (
    <FormShell label={command.label} rules={command.rules} submit={submit} onSubmit={send}>
      <Field label="Held on" required validationMessage={submit.fieldError('heldOn')}>
        <Input
          type="date"
          value={heldOn}
          onChange={(_e, d) => {
            setHeldOn(d.value);
          }}
        />
      </Field>
      {targets.map((t, i) => (
        <fieldset key={t.targetId} className={styles.target}>
          <legend className={styles.legend}>{`Target ${i + 1}: ${t.text}`}</legend>
          <RadioGroup
            layout="horizontal"
            aria-label={`Target ${i + 1} outcome`}
            value={
              outcome(t.targetId).met === null
                ? ''
                : outcome(t.targetId).met === true
                  ? 'met'
                  : 'not-met'
            }
            onChange={(_e, d) => {
              set(t.targetId, { met: d.value === 'met' });
            }}
          >
            <Radio value="met" label="Met" />
            <Radio value="not-met" label="Not met" />
          </RadioGroup>
          <Field
            label={`Evidence for target ${i + 1}`}
            required
            validationMessage={submit.fieldError(`outcomes.${i}`)}
          >
            <Textarea
              value={outcome(t.targetId).evidence}
              onChange={(_e, d) => {
                set(t.targetId, { evidence: d.value });
              }}
            />
          </Field>
        </fieldset>
      ))}
      <Field label="Notes and outcome">
        <Textarea
          value={notes}
          onChange={(_e, d) => {
            setNotes(d.value);
          }}
        />
      </Field>
    </FormShell>
  );
}

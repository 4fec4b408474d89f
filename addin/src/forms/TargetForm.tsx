import { Button, Field, Textarea } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { FormProps } from './form-props';
import { FormShell } from './FormShell';
import { ListInput } from './ListInput';
import { useCommand } from './use-command';

interface Draft {
  text: string;
  actions: readonly string[];
  indicators: readonly string[];
  monitoring: string;
  successCriteria: string;
}

const empty: Draft = { text: '', actions: [], indicators: [], monitoring: '', successCriteria: '' };

/**
 * The plan editor's target form (add or change). Adding keeps the form open for the next target:
 * the API alone decides the limit, and its refusal (with the rule) shows beside the button.
 */
export function TargetForm({ command, view, onDone }: FormProps) {
  const plan = view.stage?.plan;
  const existing = plan?.targets.find((t) => t.targetId === command.params.targetId);
  const [draft, setDraft] = useState<Draft>(existing ?? empty);
  const [saved, setSaved] = useState(0);
  const status = useRef<HTMLParagraphElement>(null);
  const submit = useCommand(view.caseId, command);
  const adding = command.type === 'addTarget';
  const style = plan?.targetStyle ?? 'SMART';
  const inUse = [...new Set(plan?.targets.flatMap((t) => t.indicators) ?? [])];
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };
  const send = () => {
    submit.submit({ ...draft }).then(
      () => {
        if (!adding) {
          onDone('Target saved.');
          return;
        }
        setSaved((n) => n + 1);
        setDraft(empty);
        status.current?.focus();
      },
      () => undefined,
    );
  };
  const count = plan?.targets.length ?? 0;
  return (
    <FormShell
      label={adding ? 'Save target' : 'Save changes'}
      rules={command.rules}
      submit={submit}
      onSubmit={send}
      extraButtons={
        adding && saved > 0 ? (
          <Button
            onClick={() => {
              onDone(`${saved} target${saved === 1 ? '' : 's'} added.`);
            }}
          >
            Done
          </Button>
        ) : undefined
      }
    >
      <p ref={status} tabIndex={-1} role="status">
        {`${style} target. The plan has ${count} target${count === 1 ? '' : 's'}`}
        {plan?.maxTargets === null || plan === undefined ? '.' : ` (at most ${plan.maxTargets}).`}
        {saved > 0 ? ` Saved ${saved}; add another or choose Done.` : ''}
      </p>
      <Field
        label="Target"
        required
        validationMessage={submit.fieldError('text')}
        validationState={submit.fieldError('text') === undefined ? 'none' : 'error'}
      >
        <Textarea
          value={draft.text}
          onChange={(_e, d) => {
            set({ text: d.value });
          }}
        />
      </Field>
      <ListInput
        label="Actions"
        items={draft.actions}
        onChange={(actions) => {
          set({ actions });
        }}
        error={submit.fieldError('actions')}
      />
      <ListInput
        label="Indicators"
        hint="The assessment indicators this target addresses, e.g. AI 2.3"
        items={draft.indicators}
        suggestions={inUse}
        onChange={(indicators) => {
          set({ indicators });
        }}
        error={submit.fieldError('indicators')}
      />
      <Field label="Monitoring" validationMessage={submit.fieldError('monitoring')}>
        <Textarea
          value={draft.monitoring}
          onChange={(_e, d) => {
            set({ monitoring: d.value });
          }}
        />
      </Field>
      <Field label="Success criteria" validationMessage={submit.fieldError('successCriteria')}>
        <Textarea
          value={draft.successCriteria}
          onChange={(_e, d) => {
            set({ successCriteria: d.value });
          }}
        />
      </Field>
    </FormShell>
  );
}

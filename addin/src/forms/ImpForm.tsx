import { Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormProps } from './form-props';
import { FormShell } from './FormShell';
import { CheckGroup } from './CheckGroup';
import { ListInput } from './ListInput';
import { useCommand } from './use-command';

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

interface Grade {
  grade: string;
  placement: '' | 'A' | 'B';
}

/** An interim monitoring point: a grade per indicator, Part Two, CORE values; the API evaluates the triggers. */
export function ImpForm({ command, view, outline, onDone }: FormProps) {
  const styles = useStyles();
  const points = outline?.imp ?? [];
  const grades = outline?.grades ?? [];
  const fromPlan = [...new Set(view.stage?.plan.targets.flatMap((t) => t.indicators) ?? [])];
  const [pointId, setPointId] = useState(points[0]?.id ?? '');
  const [indicators, setIndicators] = useState<readonly string[]>(fromPlan);
  const [byIndicator, setByIndicator] = useState<Record<string, Grade>>({});
  const [partTwoMet, setPartTwoMet] = useState(true);
  const [core, setCore] = useState<readonly string[]>([]);
  const [standards, setStandards] = useState('');
  const submit = useCommand(view.caseId, command);
  const point = points.find((p) => p.id === pointId);
  const gradeOf = (i: string): Grade => byIndicator[i] ?? { grade: '', placement: '' };
  const send = () => {
    const body = {
      pointId,
      grades: indicators.map((indicator) => ({
        indicator,
        grade: gradeOf(indicator).grade,
        placement: gradeOf(indicator).placement === '' ? null : gradeOf(indicator).placement,
      })),
      partTwoMet,
      coreValues: core,
      standardsMetInFull: standards === '' ? null : standards === 'yes',
    };
    submit.submit(body).then(
      () => {
        onDone('Monitoring point recorded.');
      },
      () => undefined,
    );
  };
  return (
    <FormShell label={command.label} rules={command.rules} submit={submit} onSubmit={send}>
      <Field label="Monitoring point" required hint={point?.expectations.join('; ')}>
        <Select
          value={pointId}
          onChange={(_e, d) => {
            setPointId(d.value);
          }}
        >
          {points.map((p) => (
            <option key={p.id} value={p.id}>{`${p.label} (${p.rules.join(', ')})`}</option>
          ))}
        </Select>
      </Field>
      <ListInput
        label="Indicators graded"
        items={indicators}
        suggestions={fromPlan}
        onChange={setIndicators}
        error={submit.fieldError('grades')}
      />
      <div className={styles.grid}>
        {indicators.map((i) => (
          <div key={i} className={styles.row}>
            <Field label={`Grade for ${i}`}>
              <Select
                value={gradeOf(i).grade}
                onChange={(_e, d) => {
                  setByIndicator((g) => ({ ...g, [i]: { ...gradeOf(i), grade: d.value } }));
                }}
              >
                <option value="">Choose…</option>
                {grades.map((g) => (
                  <option key={g}>{g}</option>
                ))}
              </Select>
            </Field>
            <Field label={`Placement for ${i}`}>
              <Select
                value={gradeOf(i).placement}
                onChange={(_e, d) => {
                  setByIndicator((g) => ({
                    ...g,
                    [i]: { ...gradeOf(i), placement: d.value as Grade['placement'] },
                  }));
                }}
              >
                <option value="">Not given</option>
                <option value="A">A</option>
                <option value="B">B</option>
              </Select>
            </Field>
          </div>
        ))}
      </div>
      <Checkbox
        label="Part Two (personal and professional conduct) met"
        checked={partTwoMet}
        onChange={(_e, d) => {
          setPartTwoMet(d.checked === true);
        }}
      />
      <CheckGroup
        label="CORE values shown"
        hint={point === undefined ? undefined : `At least ${point.minCoreValues} expected`}
        options={(outline?.coreValues ?? []).map((v) => ({ id: v, label: v }))}
        chosen={core}
        onChange={setCore}
        error={submit.fieldError('coreValues')}
      />
      <Field label="Standards met in full (end point only)">
        <Select
          value={standards}
          onChange={(_e, d) => {
            setStandards(d.value);
          }}
        >
          <option value="">Not assessed at this point</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </Select>
      </Field>
    </FormShell>
  );
}

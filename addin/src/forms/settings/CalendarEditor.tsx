import { Button, Field, Input, Select } from '@fluentui/react-components';
import type { Settings } from '../../api/provider-schemas';
import { ukDate } from '../../format/dates';
import { EditorFrame, EditorRow } from './EditorFrame';
import { removeAt, replaceAt } from './settings-draft';

type Calendar = Settings['calendar'];

/** Term dates and closures (INSET days, closed days): the calendar school and working days count on. */
export function CalendarEditor({
  calendar,
  onChange,
}: {
  calendar: Calendar;
  onChange: (next: Calendar) => void;
}) {
  const terms = calendar.termDates;
  const closures = calendar.closures;
  return (
    <>
      <EditorFrame id="terms" title="Term dates">
        <p>
          School days are the weekdays inside these terms, less closures and bank holidays (England
          and Wales); working days are every weekday that is not a bank holiday or a closure for
          everyone.
        </p>
        {terms.map((t, i) => {
          const name = t.label ?? `Term ${String(i + 1)}`;
          const set = (patch: Partial<Calendar['termDates'][number]>) => {
            onChange({ ...calendar, termDates: replaceAt(terms, i, { ...t, ...patch }) });
          };
          return (
            <EditorRow
              key={`term-${String(i)}`}
              label={`${name}: ${ukDate(t.start)} to ${ukDate(t.end)}`}
            >
              <Field label="Term">
                <Input
                  value={t.label ?? ''}
                  onChange={(_e, d) => {
                    set({ label: d.value });
                  }}
                />
              </Field>
              <Field label="First day">
                <Input
                  type="date"
                  value={t.start}
                  onChange={(_e, d) => {
                    set({ start: d.value });
                  }}
                />
              </Field>
              <Field label="Last day">
                <Input
                  type="date"
                  value={t.end}
                  onChange={(_e, d) => {
                    set({ end: d.value });
                  }}
                />
              </Field>
              <Button
                onClick={() => {
                  onChange({ ...calendar, termDates: removeAt(terms, i) });
                }}
              >
                {`Remove ${name}`}
              </Button>
            </EditorRow>
          );
        })}
        <div>
          <Button
            onClick={() => {
              onChange({ ...calendar, termDates: [...terms, { start: '', end: '', label: '' }] });
            }}
          >
            Add a term
          </Button>
        </div>
      </EditorFrame>
      <EditorFrame id="closures" title="Closures">
        <p>
          A school closure (an INSET day) stops school days only; a closure for everyone stops
          working days too.
        </p>
        {closures.map((c, i) => {
          const name = c.label === '' ? `Closure ${String(i + 1)}` : c.label;
          const set = (patch: Partial<Calendar['closures'][number]>) => {
            onChange({ ...calendar, closures: replaceAt(closures, i, { ...c, ...patch }) });
          };
          return (
            <EditorRow key={`closure-${String(i)}`} label={`${name} on ${ukDate(c.date)}`}>
              <Field label="Closure">
                <Input
                  value={c.label}
                  onChange={(_e, d) => {
                    set({ label: d.value });
                  }}
                />
              </Field>
              <Field label="Date">
                <Input
                  type="date"
                  value={c.date}
                  onChange={(_e, d) => {
                    set({ date: d.value });
                  }}
                />
              </Field>
              <Field label="Closed for">
                <Select
                  value={c.appliesTo}
                  onChange={(_e, d) => {
                    set({ appliesTo: d.value === 'all' ? 'all' : 'school' });
                  }}
                >
                  <option value="school">School only</option>
                  <option value="all">Everyone</option>
                </Select>
              </Field>
              <Button
                onClick={() => {
                  onChange({ ...calendar, closures: removeAt(closures, i) });
                }}
              >
                {`Remove ${name}`}
              </Button>
            </EditorRow>
          );
        })}
        <div>
          <Button
            onClick={() => {
              onChange({
                ...calendar,
                closures: [...closures, { date: '', label: '', appliesTo: 'school' }],
              });
            }}
          >
            Add a closure
          </Button>
        </div>
      </EditorFrame>
    </>
  );
}

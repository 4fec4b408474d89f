import { Button, Caption1, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { Settings } from '../../api/provider-schemas';
import { roleWords } from '../../format/labels';
import { EditorFrame, EditorRow } from './EditorFrame';
import { removeAt, replaceAt, roleIds } from './settings-draft';

type Staff = Settings['staff'];
type Member = Staff[number];

function RoleSelect({ value, onChange }: { value: string; onChange: (role: string) => void }) {
  return (
    <Select
      value={value}
      onChange={(_e, d) => {
        onChange(d.value);
      }}
    >
      {roleIds
        .filter((r) => r !== 'trainee')
        .map((r) => (
          <option key={r} value={r}>
            {roleWords(r)}
          </option>
        ))}
    </Select>
  );
}

const blank: Member = { tid: '', oid: '', name: '', email: null, role: 'courseTutor' };

/** The staff directory: who works for the provider, in which role (programme leads and directors act provider-wide). */
export function StaffEditor({
  staff,
  onChange,
}: {
  staff: Staff;
  onChange: (next: Staff) => void;
}) {
  const [adding, setAdding] = useState<Member>(blank);
  const set = (patch: Partial<Member>) => {
    setAdding((m) => ({ ...m, ...patch }));
  };
  return (
    <EditorFrame id="staff" title="Staff directory">
      <p>
        People are known by their Microsoft Entra tenant and object ids, never by email. Programme
        leads and directors see every case and can change these settings.
      </p>
      {staff.map((m, i) => {
        const patch = (p: Partial<Member>) => {
          onChange(replaceAt(staff, i, { ...m, ...p }));
        };
        return (
          <EditorRow
            key={`${m.tid}:${m.oid}:${String(i)}`}
            label={`${m.name}, ${roleWords(m.role)}`}
          >
            <Field label="Name">
              <Input
                value={m.name}
                onChange={(_e, d) => {
                  patch({ name: d.value });
                }}
              />
            </Field>
            <Field label="Email">
              <Input
                type="email"
                value={m.email ?? ''}
                onChange={(_e, d) => {
                  patch({ email: d.value.trim() === '' ? null : d.value });
                }}
              />
            </Field>
            <Field label="Role">
              <RoleSelect
                value={m.role}
                onChange={(role) => {
                  patch({ role });
                }}
              />
            </Field>
            <Caption1>{`Tenant ${m.tid} · object ${m.oid}`}</Caption1>
            <Button
              onClick={() => {
                onChange(removeAt(staff, i));
              }}
            >{`Remove ${m.name}`}</Button>
          </EditorRow>
        );
      })}
      <EditorRow label="Add a member of staff">
        <Field label="New member's name">
          <Input
            value={adding.name}
            onChange={(_e, d) => {
              set({ name: d.value });
            }}
          />
        </Field>
        <Field label="Tenant id">
          <Input
            value={adding.tid}
            onChange={(_e, d) => {
              set({ tid: d.value.trim() });
            }}
          />
        </Field>
        <Field label="Object id">
          <Input
            value={adding.oid}
            onChange={(_e, d) => {
              set({ oid: d.value.trim() });
            }}
          />
        </Field>
        <Field label="New member's role">
          <RoleSelect
            value={adding.role}
            onChange={(role) => {
              set({ role });
            }}
          />
        </Field>
        <Button
          disabled={adding.name.trim() === '' || adding.tid === '' || adding.oid === ''}
          onClick={() => {
            onChange([...staff, adding]);
            setAdding(blank);
          }}
        >
          Add to the directory
        </Button>
      </EditorRow>
    </EditorFrame>
  );
}

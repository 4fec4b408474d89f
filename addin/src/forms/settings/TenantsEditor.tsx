import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { EditorFrame, EditorRow } from './EditorFrame';
import { removeAt } from './settings-draft';

/** The Entra tenants allowed to sign in for this provider (its own and its partner schools'). */
export function TenantsEditor({
  tenants,
  onChange,
}: {
  tenants: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const [adding, setAdding] = useState('');
  return (
    <EditorFrame id="tenants" title="Allowed tenants">
      <p>
        People sign in from these Microsoft Entra tenants: the provider’s and its partner schools’.
        Adding one widens who may sign in to the whole deployment, so the API accepts it only from
        the deployment’s operator; it says so when you save.
      </p>
      <ul aria-label="Allowed tenants">
        {tenants.map((t, i) => (
          <li key={t}>
            <EditorRow label={`Tenant ${t}`}>
              <code>{t}</code>
              <Button
                size="small"
                onClick={() => {
                  onChange(removeAt([...tenants], i));
                }}
              >
                {`Remove tenant ${t}`}
              </Button>
            </EditorRow>
          </li>
        ))}
      </ul>
      <EditorRow label="Add a tenant">
        <Field label="Tenant id to add">
          <Input
            value={adding}
            onChange={(_e, d) => {
              setAdding(d.value.trim());
            }}
          />
        </Field>
        <Button
          disabled={adding === '' || tenants.includes(adding)}
          onClick={() => {
            onChange([...tenants, adding]);
            setAdding('');
          }}
        >
          Add tenant
        </Button>
      </EditorRow>
    </EditorFrame>
  );
}

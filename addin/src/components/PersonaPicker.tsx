import { Dropdown, Field, Option } from '@fluentui/react-components';
import type { Persona } from '../api/local-idp';

/** Props of the local persona picker. */
export interface PersonaPickerProps {
  readonly personas: readonly Persona[];
  readonly onPick: (personaId: string) => void;
}

/** Picks who to be in local mode. */
export function PersonaPicker({ personas, onPick }: PersonaPickerProps) {
  return (
    <Field label="Sign in locally as">
      <Dropdown
        placeholder="Choose a persona"
        onOptionSelect={(_event, data) => {
          if (data.optionValue !== undefined) onPick(data.optionValue);
        }}
      >
        {personas.map((persona) => (
          <Option key={persona.id} value={persona.id} text={persona.name}>
            {`${persona.name} — ${persona.title}, ${persona.providerId}`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

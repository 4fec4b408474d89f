import { Dropdown, Field, Option } from '@fluentui/react-components';
import type { Persona } from '../api/local-idp';

/** Props of the local persona picker. */
export interface PersonaPickerProps {
  readonly personas: readonly Persona[];
  readonly onPick: (persona: Persona) => void;
}

/** Picks who to be in local mode. */
export function PersonaPicker({ personas, onPick }: PersonaPickerProps) {
  return (
    <Field label="Sign in locally as">
      <Dropdown
        placeholder="Choose a persona"
        onOptionSelect={(_event, data) => {
          const persona = personas.find((p) => p.id === data.optionValue);
          if (persona !== undefined) onPick(persona);
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

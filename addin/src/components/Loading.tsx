import { Spinner } from '@fluentui/react-spinner';

/** Visible progress while something loads (announced to screen readers). */
export function Loading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" style={{ padding: 16 }}>
      <Spinner size="small" label={`${label}…`} />
    </div>
  );
}

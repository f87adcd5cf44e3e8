import { Input } from '@mantine/core';
import { useId } from 'react';

interface FileFieldProps {
  label: string;
  description?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  accept: string;
  /** Changes when the form is reset, so the browser forgets the file it holds. */
  resetKey?: unknown;
  onChange(file: File | null): void;
}

/**
 * A file chosen with the browser's own file input, labelled like every other field (screen readers and
 * tests find it by its label; a phone opens its usual file picker).
 */
export function FileField({ label, description, error, required, accept, resetKey, onChange }: FileFieldProps) {
  const id = useId();
  return (
    <Input.Wrapper id={id} label={label} description={description} error={error} required={required}>
      <input
        key={String(resetKey)}
        id={id}
        type="file"
        accept={accept}
        required={required}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.currentTarget.files?.[0] ?? null)}
        style={{
          display: 'block',
          width: '100%',
          marginTop: 4,
          padding: '6px 0',
          fontSize: 'var(--mantine-font-size-sm)',
        }}
      />
    </Input.Wrapper>
  );
}

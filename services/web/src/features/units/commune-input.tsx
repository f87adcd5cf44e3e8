import { foldText } from '@benvung/domain';
import { TextInput } from '@mantine/core';
import { useId } from 'react';
import type { Commune } from './api/my-communes';

/** "31843 — Xã Hồng Dân": how a commune reads in a list, and what typing its code or name resolves. */
export const communeLabel = (c: Commune) => `${c.code} — ${c.name}`;

/**
 * The commune a text means: its code, its label, or its name (accents and case aside, with or
 * without "Xã"/"Phường"); undefined when none or several match.
 */
export function resolveCommune(text: string, communes: readonly Commune[]): Commune | undefined {
  const typed = foldText(text.trim());
  if (!typed) return undefined;
  const exact = communes.find((c) => c.code === typed || foldText(communeLabel(c)) === typed);
  if (exact) return exact;
  const bare = (s: string) => foldText(s).replace(/^(xa|phuong|thi tran|dac khu)\s+/, '');
  const byName = communes.filter((c) => foldText(c.name) === typed || bare(c.name) === bare(typed));
  return byName.length === 1 ? byName[0] : undefined;
}

interface CommuneInputProps {
  label: string;
  communes: readonly Commune[];
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  error?: string | undefined;
  required?: boolean;
  description?: string;
}

/**
 * A commune typed or picked from the user's communes: a plain text field with the browser's own
 * suggestion list (a datalist), so it has one accessible name, works on every phone keyboard and
 * accepts a code or a name typed in full; the form resolves the text on save.
 */
export function CommuneInput({
  label,
  communes,
  value,
  onChange,
  onBlur,
  error,
  required,
  description,
}: CommuneInputProps) {
  const listId = useId();
  return (
    <>
      <TextInput
        label={label}
        description={description}
        list={listId}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={onBlur}
        error={error}
        required={required}
        autoComplete="off"
      />
      <datalist id={listId}>
        {communes.map((c) => (
          <option key={c.code} value={communeLabel(c)} />
        ))}
      </datalist>
    </>
  );
}

import { useCallback, useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

const PREFIX = 'benvung.draft.';

/**
 * Keeps what is typed into a form on this device until it is saved or discarded, so a closed tab, a
 * reload or a dropped connection loses nothing; the form opens again with the draft. Drafts hold
 * what the user typed, on the user's own device, and are cleared on sign-out.
 */
export function useDraft<T extends FieldValues, C, O>(key: string, form: UseFormReturn<T, C, O>): { clear(): void } {
  const storageKey = PREFIX + key;
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    try {
      const saved = localStorage.getItem(storageKey);
      if (saved) form.reset({ ...form.getValues(), ...(JSON.parse(saved) as T) });
    } catch {
      // a corrupt draft is dropped
    }
  }, [form, storageKey]);
  useEffect(() => {
    const subscription = form.watch((values) => {
      try {
        localStorage.setItem(storageKey, JSON.stringify(values));
      } catch {
        // storage full or unavailable: the form still works
      }
    });
    return () => subscription.unsubscribe();
  }, [form, storageKey]);
  const clear = useCallback(() => localStorage.removeItem(storageKey), [storageKey]);
  return { clear };
}

/** Forgets every draft (on sign-out: the next person at this device must not see them). */
export function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
}

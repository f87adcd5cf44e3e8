import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import type { Language } from '../format';

/** The domain's schemas validate the forms: their messages follow the chosen language. */
export function applyZodLanguage(language: Language): void {
  z.config(language === 'en' ? en() : vi());
}

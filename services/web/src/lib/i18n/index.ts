import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../format';
import { EAGER_NAMESPACES, loadNamespace, resources } from './resources';

const STORAGE_KEY = 'benvung.language';

/** The language the user chose last on this device; Vietnamese until they choose. */
export function savedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Switches the language and remembers it (the API is asked in the same language). */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private browsing: the switch still holds for this tab
  }
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'vi';
}

export const i18n = i18next;

void i18next
  .use(initReactI18next)
  // A screen's texts arrive with its code: only the first screens' texts are in the first download.
  .use(resourcesToBackend((language: string, namespace: string) => loadNamespace(language, namespace)))
  .init({
    resources,
    partialBundledLanguages: true,
    lng: savedLanguage(),
    fallbackLng: 'vi',
    defaultNS: 'common',
    ns: EAGER_NAMESPACES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
if (typeof document !== 'undefined') document.documentElement.lang = savedLanguage();
// Form messages follow the language too. zod loads after the first screen (the sign-in and list
// screens do not need it), keeping it out of the JavaScript a phone downloads first.
const zodLanguage = (language: string) =>
  void import('./zod-language').then((m) => m.applyZodLanguage(language === 'en' ? 'en' : 'vi'));
i18next.on('languageChanged', zodLanguage);
zodLanguage(savedLanguage());

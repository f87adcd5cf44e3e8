import type { admin } from '../../features/admin/messages';
import type { analytics } from '../../features/analytics/messages';
import type { audit } from '../../features/audit/messages';
import { auth } from '../../features/auth/messages';
import type { closure } from '../../features/closure/messages';
import type { corrections } from '../../features/corrections/messages';
import type { erasure } from '../../features/erasure/messages';
import type { flags } from '../../features/flags/messages';
import { events } from '../../features/households/events-messages';
import { households } from '../../features/households/messages';
import type { imports } from '../../features/imports/messages';
import type { members } from '../../features/members/messages';
import type { moves } from '../../features/moves/messages';
import type { notes } from '../../features/notes/messages';
import { offline } from '../../features/offline/messages';
import type { reports } from '../../features/reports/messages';
import type { reviewRounds } from '../../features/review-rounds/messages';
import type { reviews } from '../../features/reviews/messages';
import type { support } from '../../features/support/messages';
import { common } from './common';

/** The texts the first screens need (sign-in, lists, a household): in the first download. */
const eager = { common, auth, households, events, offline } as const;

/**
 * The texts of screens loaded on demand, loaded with them — a feature's texts live beside it
 * (`features/<area>/messages.ts`) and are registered here, or above when a first screen needs them.
 */
const lazy = {
  admin: () => import('../../features/admin/messages').then((m): typeof admin => m.admin),
  analytics: () => import('../../features/analytics/messages').then((m): typeof analytics => m.analytics),
  audit: () => import('../../features/audit/messages').then((m): typeof audit => m.audit),
  closure: () => import('../../features/closure/messages').then((m): typeof closure => m.closure),
  corrections: () => import('../../features/corrections/messages').then((m): typeof corrections => m.corrections),
  erasure: () => import('../../features/erasure/messages').then((m): typeof erasure => m.erasure),
  flags: () => import('../../features/flags/messages').then((m): typeof flags => m.flags),
  imports: () => import('../../features/imports/messages').then((m): typeof imports => m.imports),
  members: () => import('../../features/members/messages').then((m): typeof members => m.members),
  moves: () => import('../../features/moves/messages').then((m): typeof moves => m.moves),
  notes: () => import('../../features/notes/messages').then((m): typeof notes => m.notes),
  reports: () => import('../../features/reports/messages').then((m): typeof reports => m.reports),
  reviewRounds: () => import('../../features/review-rounds/messages').then((m): typeof reviewRounds => m.reviewRounds),
  reviews: () => import('../../features/reviews/messages').then((m): typeof reviews => m.reviews),
  support: () => import('../../features/support/messages').then((m): typeof support => m.support),
} as const;

type Lazy = typeof lazy;
type Namespaces = typeof eager & { [N in keyof Lazy]: Awaited<ReturnType<Lazy[N]>> };
type Of<L extends 'vi' | 'en'> = { [N in keyof Namespaces]: Namespaces[N][L] };
type Language = 'vi' | 'en';

const pick = (language: Language) =>
  Object.fromEntries(Object.entries(eager).map(([name, texts]) => [name, texts[language]]));

/** The bundled namespaces, by language. */
export const resources = { vi: pick('vi'), en: pick('en') };
export const EAGER_NAMESPACES = Object.keys(eager);

/** A lazily loaded namespace's texts in a language (undefined for an unknown namespace). */
export async function loadNamespace(language: string, namespace: string): Promise<object | undefined> {
  const load = (lazy as Record<string, () => Promise<Record<Language, object>>>)[namespace];
  return load ? (await load())[language === 'en' ? 'en' : 'vi'] : undefined;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Of<'vi'>;
  }
}

import type { Language } from '../../../lib/format';
import { i18n } from '../../../lib/i18n';

/** The server's reason for a broken chain (English, from the event store) in the reader's language. */
export function verifyReason(reason: string, language: Language): string {
  const t = i18n.getFixedT(language, 'audit');
  const gap = /^version (\d+) found where (\d+) was expected$/.exec(reason);
  if (gap) return t('verify.reasons.gap', { found: gap[1] ?? '', expected: gap[2] ?? '' });
  if (reason.startsWith('personal data does not match')) return t('verify.reasons.personal');
  if (reason.startsWith('stored form or chain does not match')) return t('verify.reasons.hash');
  return reason;
}

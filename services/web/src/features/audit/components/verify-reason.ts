import type { Language } from '../../../lib/format';
import { i18n } from '../../../lib/i18n';

/** The server's reason for a failed check (English, from the event store or the gateway) in the reader's language. */
export function verifyReason(reason: string, language: Language): string {
  const t = i18n.getFixedT(language, 'audit');
  const gap = /^version (\d+) found where (\d+) was expected$/.exec(reason);
  if (gap) return t('verify.reasons.gap', { found: gap[1] ?? '', expected: gap[2] ?? '' });
  const cut = /^the events end at version (\d+) but the recorded head is version (\d+)$/.exec(reason);
  if (cut) return t('verify.reasons.cutEnd', { last: cut[1] ?? '', head: cut[2] ?? '' });
  const past = /^the recorded head is version (\d+) but events run to (\d+)$/.exec(reason);
  if (past) return t('verify.reasons.pastHead', { head: past[1] ?? '', last: past[2] ?? '' });
  if (reason.startsWith('personal data does not match')) return t('verify.reasons.personal');
  if (reason.startsWith('stored form or chain does not match')) return t('verify.reasons.hash');
  if (reason.startsWith('the stream has no recorded head')) return t('verify.reasons.noHead');
  if (reason.startsWith('the last event’s hash is not the recorded head')) return t('verify.reasons.headHash');
  if (reason.startsWith('the history as stored is not the one the signed checkpoint')) {
    return t('verify.reasons.notCheckpointed');
  }
  if (reason.startsWith('the latest checkpoint is not signed')) return t('verify.reasons.foreignKey');
  return reason;
}

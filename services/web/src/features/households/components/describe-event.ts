import { formatMoney, formatNumber, type Language } from '../../../lib/format';
import { i18n } from '../../../lib/i18n';
import { events } from '../events-messages';

interface EventLike {
  type: string;
  data: Record<string, unknown>;
  personal?: Record<string, unknown> | null;
  /** Kept after an erasure: a digest without its personal part means the part was erased. */
  personalDigest?: string | null;
}

/** One event as a sentence a case worker reads, in the chosen language. */
export function describeEvent(event: EventLike, language: Language): string {
  // Keys and parameters vary by event type: looked up untyped, every key exists in both languages.
  const t = i18n.getFixedT(language, 'events') as unknown as (key: string, options?: object) => string;
  const d = event.data;
  if (!(event.type in events.vi)) return t('unknown', { type: event.type });
  const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v, language) : '');
  // A personal part erased reads as such, rather than as an empty name or note.
  const erased = event.personal === null && event.personalDigest ? t('erased') : '';
  const head = (event.personal?.head as { fullName?: string } | undefined)?.fullName ?? erased;
  const personal = event.personal ?? {};
  const params: Record<string, unknown> = {
    ...d,
    head,
    // A note's text is personal (erasable): it sits in the event's personal part.
    text: String(d.text ?? personal.text ?? erased),
    annualRatePercent: typeof d.annualRatePercent === 'number' ? formatNumber(d.annualRatePercent, language, 3) : '',
    amount: money(d.amountVnd),
    value: money(d.valueVnd),
    reviewType: t(`reviewTypes.${String(d.reviewType)}`),
    classification:
      i18n.getFixedT(language, 'common')(`classification.${String(d.classification)}` as 'classification.poor') +
      (d.transition && d.transition !== 'no_change'
        ? ` (${t(`transitions.${String(d.transition)}`, { defaultValue: String(d.transition) })})`
        : ''),
  };
  // A review a decision made official names it (a round's decision, or one typed with the review).
  const decision =
    event.type === 'HouseholdAssessed' && typeof d.decisionNo === 'string' && d.decisionNo
      ? t('decisionSuffix', { decisionNo: d.decisionNo })
      : '';
  return t(event.type, params) + decision;
}

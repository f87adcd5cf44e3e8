import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { isSmallCount } from '../lib/km';
import { asLanguage } from '../lib/stats-format';

/** Why the server withheld a figure (see the API's `withheld`). */
export type WithheldReason = 'small' | 'complementary' | 'few_events';

/**
 * A withheld figure and why: "Ẩn (dưới 5 hộ)" by default, or the server's reason — withheld beside
 * another so that it cannot be worked out, or too few relapses to show the curve.
 */
export function Withheld({ size = 'sm', reason }: { size?: 'xs' | 'sm'; reason?: WithheldReason | null | undefined }) {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('analytics');
  return (
    <Text span size={size} c="dimmed" fs="italic" style={{ whiteSpace: 'nowrap' }}>
      {reason ? ta(`withheldReasons.${reason}`) : t('states.suppressed')}
    </Text>
  );
}

/**
 * A count of households: withheld when the server withheld it (null with `suppressed`) or when it
 * is 1 to 4 (the same rule applied to counts the server publishes in curve rows).
 */
export function HouseholdCount({
  value,
  suppressed = false,
}: {
  value: number | null | undefined;
  suppressed?: boolean;
}) {
  const { i18n } = useTranslation();
  if (suppressed || isSmallCount(value)) return <Withheld />;
  if (value === null || value === undefined) return <>—</>;
  return <>{formatNumber(value, asLanguage(i18n.language))}</>;
}

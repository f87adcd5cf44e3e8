import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { isSmallCount } from '../lib/km';
import { asLanguage } from '../lib/stats-format';

/** "Ẩn (dưới 5 hộ)": a figure withheld because it is about fewer than 5 households. */
export function Withheld({ size = 'sm' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Text span size={size} c="dimmed" fs="italic" style={{ whiteSpace: 'nowrap' }}>
      {t('states.suppressed')}
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

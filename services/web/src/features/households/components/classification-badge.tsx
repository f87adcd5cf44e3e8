import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  poor: 'red.8',
  // Darker than Mantine's darkest orange (4.3:1 under white text): 5.2:1.
  near_poor: '#c2410c',
  non_poor: 'teal.9',
  unassessed: 'gray.7',
};

export type Classification = 'unassessed' | 'poor' | 'near_poor' | 'non_poor';

export function ClassificationBadge({ value }: { value: Classification }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[value]} variant="filled" styles={{ root: { textTransform: 'none' } }}>
      {t(`classification.${value}`)}
    </Badge>
  );
}

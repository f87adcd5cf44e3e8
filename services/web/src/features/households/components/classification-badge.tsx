import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  poor: 'red.8',
  near_poor: 'orange.9',
  non_poor: 'teal.8',
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

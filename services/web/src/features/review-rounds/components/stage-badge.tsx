import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundStage } from '../api/rounds';

// Dark shades: the badge's white text stays above 4.5:1.
const COLORS: Record<RoundStage, string> = {
  surveying: 'blue.8',
  posted: '#c2410c',
  decided: 'grape.8',
  applied: 'teal.9',
};

/** Where a round stands: surveys and meetings, posted, decided, recorded in the households. */
export function StageBadge({ stage }: { stage: RoundStage }) {
  const { t } = useTranslation('reviewRounds');
  return (
    <Badge color={COLORS[stage]} variant="filled" styles={{ root: { textTransform: 'none' } }}>
      {t(`stages.${stage}`)}
    </Badge>
  );
}

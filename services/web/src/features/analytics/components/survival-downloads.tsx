import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../lib/problem';
import { useDownloadEpisodes } from '../api/download-episodes';
import { useDownloadSurvivalSvg } from '../api/download-survival-svg';
import type { SurvivalQuery } from '../api/get-survival';

/**
 * The server's SVG of the curves and the pseudonymised episodes, fetched with the session and saved,
 * for the date of the figures on screen (`asOf`), so the files match what the analyst sees.
 */
export function SurvivalDownloads({ query, asOf }: { query: SurvivalQuery; asOf: string }) {
  const { t } = useTranslation('analytics');
  const { t: tc } = useTranslation();
  const svg = useDownloadSurvivalSvg();
  const episodes = useDownloadEpisodes();
  const dated = { ...query, asOf: query.asOf ?? asOf };
  const { groupBy: _groupBy, confType: _confType, ...scope } = dated;
  const failure = svg.error ?? episodes.error;
  return (
    <Stack gap="xs" component="section" aria-labelledby="survival-downloads">
      <Title order={3} size="h4" id="survival-downloads">
        {t('survival.downloads.title')}
      </Title>
      <Group gap="sm">
        <Button variant="light" loading={svg.isPending} onClick={() => svg.mutate(dated)}>
          {t('survival.downloads.svg')}
        </Button>
        <Button variant="light" loading={episodes.isPending} onClick={() => episodes.mutate(scope)}>
          {t('survival.downloads.episodes')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('survival.downloads.episodesHint')}
      </Text>
      {failure && (
        <Text size="sm" c="red.8" role="alert">
          {t('survival.downloads.failed', { message: problemMessage(failure, tc('states.error')) })}
        </Text>
      )}
    </Stack>
  );
}

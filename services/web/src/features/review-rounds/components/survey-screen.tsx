import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDate, type Language, todayInVietnam } from '../../../lib/format';
import { outbox } from '../../../lib/offline/outbox';
import { useRoundOutbox } from '../../../lib/offline/use-outbox';
import { problemMessage } from '../../../lib/problem';
import { useRules } from '../../reviews/api/get-rules';
import type { Round } from '../api/rounds';
import { useCommuneHouseholds } from '../api/village-households';

/**
 * /review-rounds/:id/survey — the households to survey, village by village (or found by name), each
 * with where it stands in the round and what still waits on this device.
 */
export function SurveyScreen({ round }: { round: Round }) {
  const { t, i18n } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const navigate = useNavigate();
  const listId = useId();
  const [params, setParams] = useSearchParams();
  const [village, setVillage] = useState(params.get('village') ?? '');
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [chosenVillage] = useDebouncedValue(village.trim(), 400);
  const [q] = useDebouncedValue(search.trim(), 400);
  const households = useCommuneHouseholds(round.unitCode, chosenVillage || undefined, q || undefined);
  // The checklist's rules are read now: the form still has them if the connection drops.
  useRules(todayInVietnam());
  const entries = useRoundOutbox(round.roundId);
  const progress = new Map(round.households.map((h) => [h.householdId, h]));
  const remember = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value.trim()) next.set(key, value.trim());
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const villages = [...new Set(round.households.map((h) => h.village))].sort((a, b) => a.localeCompare(b, 'vi'));
  const closed = round.stage !== 'surveying';
  return (
    <Stack>
      <Title order={2}>{t('survey.title')}</Title>
      <Text size="sm">{t('survey.intro')}</Text>
      {closed && (
        <Alert color="orange" role="alert">
          {t('survey.closed')}
        </Alert>
      )}
      {entries
        .filter((e) => e.status !== 'pending')
        .map((e) => (
          <Alert key={e.id} color="red" role="alert" title={t('survey.refused')}>
            <Stack gap="xs">
              <Text size="sm">{e.problem?.detail ?? e.problem?.code}</Text>
              <Group>
                <Button size="xs" variant="default" onClick={() => void outbox.discard(e.id)}>
                  {tc('actions.close')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ))}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <div>
          <TextInput
            label={t('survey.village')}
            description={t('survey.villageHint')}
            list={listId}
            autoComplete="off"
            value={village}
            onChange={(e) => {
              setVillage(e.currentTarget.value);
              remember('village', e.currentTarget.value);
            }}
          />
          <datalist id={listId}>
            {villages.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        </div>
        <TextInput
          type="search"
          label={t('survey.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            remember('q', e.currentTarget.value);
          }}
        />
      </SimpleGrid>
      {!chosenVillage && !q && <Text c="dimmed">{t('survey.choose')}</Text>}
      {households.isFetching && !households.data && <Loader aria-label={tc('states.loading')} />}
      {households.isError && (
        <Alert color="red" role="alert" title={tc('states.error')}>
          {problemMessage(households.error, tc('states.error'))}
        </Alert>
      )}
      {households.data && (chosenVillage || q) && (
        <Stack gap="xs" component="section" aria-labelledby="survey-households">
          <Title order={3} size="h4" id="survey-households">
            {chosenVillage && !q ? t('survey.households', { village: chosenVillage }) : t('survey.found')}
          </Title>
          {households.data.length === 0 && <Text c="dimmed">{t('survey.none')}</Text>}
          {households.data.map((h) => {
            const p = progress.get(h.householdId);
            const waiting = entries.some((e) => e.householdId === h.householdId && e.status === 'pending');
            const head = h.headName ?? h.householdCode ?? '—';
            return (
              <Card key={h.householdId} withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2}>
                    <Text fw={600}>{head}</Text>
                    <Text size="sm" c="dimmed">
                      {[h.householdCode, h.village].filter(Boolean).join(' · ')}
                    </Text>
                    <Text size="sm">
                      {p
                        ? p.meeting !== 'pending'
                          ? t('survey.met', { result: tc(`classification.${p.current}`) })
                          : t('survey.surveyed', {
                              date: formatDate(p.surveyedOn, language),
                              result: tc(`classification.${p.proposed}`),
                            })
                        : t('survey.notSurveyed')}
                    </Text>
                    {waiting && (
                      <Badge color="yellow" variant="filled" styles={{ root: { textTransform: 'none' } }}>
                        {t('survey.waiting')}
                      </Badge>
                    )}
                  </Stack>
                  {!closed && (!p || p.meeting === 'pending') && (
                    <Button
                      size="sm"
                      variant={p ? 'light' : 'filled'}
                      aria-label={p ? t('survey.againHousehold', { head }) : t('survey.surveyHousehold', { head })}
                      onClick={() =>
                        navigate(
                          `/review-rounds/${round.roundId}/survey/${h.householdId}${chosenVillage ? `?village=${encodeURIComponent(chosenVillage)}` : ''}`,
                        )
                      }
                    >
                      {p ? t('survey.again') : t('survey.surveyButton')}
                    </Button>
                  )}
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}

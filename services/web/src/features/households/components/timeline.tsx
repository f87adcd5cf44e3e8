import { Badge, Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, type Language } from '../../../lib/format';
import { useHistory } from '../api/get-history';
import { describeEvent } from './describe-event';

/** A household's events in plain words, newest first, with who recorded each and when. */
export function HouseholdTimeline({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation('households');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const history = useHistory(householdId);
  if (history.isPending) return <Text c="dimmed">{tc('states.loading')}</Text>;
  if (history.isError) return <Text c="red">{tc('states.error')}</Text>;
  const events = [...history.data.events].reverse();
  if (events.length === 0) return <Text c="dimmed">{t('timeline.empty')}</Text>;
  const voided = new Set(events.filter((e) => e.type === 'EventVoided').map((e) => String(e.data.eventId)));
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {events.map((e) => {
        const actor = String((e.metadata as { actor?: { id?: string } }).actor?.id ?? '');
        return (
          <Timeline.Item
            key={e.eventId}
            title={
              <Group gap="xs">
                <Text fw={600} td={voided.has(e.eventId) ? 'line-through' : undefined}>
                  {describeEvent(e, language)}
                </Text>
                {voided.has(e.eventId) && <Badge color="gray">{t('timeline.voided')}</Badge>}
              </Group>
            }
          >
            <Text size="sm" c="dimmed">
              {formatDate(e.occurredAt.slice(0, 10), language)} · #{e.version}
              {actor ? ` · ${t('timeline.by', { actor })}` : ''} · {formatDateTime(e.recordedAt, language)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type Role, useUser } from '../../../lib/auth';
import { formatDate, formatDateTime, formatNumber, type Language } from '../../../lib/format';
import { useRoundOutbox } from '../../../lib/offline/use-outbox';
import { problemMessage } from '../../../lib/problem';
import { ScrollTable } from '../../analytics/components/scroll-table';
import { ClassificationBadge } from '../../households/components/classification-badge';
import { useMyCommunes } from '../../units';
import { type Round, useRound } from '../api/rounds';
import { type HouseholdName, useHouseholdNames } from '../api/village-households';
import { StageBadge } from './stage-badge';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

/** The steps a role takes in a round at its stage, each with why it can or cannot be taken yet. */
type StepKey = 'survey' | 'meeting' | 'posting' | 'complaints' | 'decision';
const STEP_ROLES: Record<StepKey, readonly Role[]> = {
  survey: ['case_worker', 'supervisor'],
  meeting: ['case_worker', 'supervisor'],
  posting: ['supervisor'],
  complaints: ['case_worker', 'supervisor'],
  decision: ['supervisor'],
};

function NextSteps({ round, role }: { round: Round; role: Role }) {
  const { t } = useTranslation('reviewRounds');
  const navigate = useNavigate();
  if (round.stage === 'decided' || round.stage === 'applied') {
    return <Text size="sm">{t('round.hints.done')}</Text>;
  }
  const pendingMeeting = round.households.filter((h) => h.meeting === 'pending').length;
  const openComplaints = round.households.filter((h) => h.complaint === 'open').length;
  const steps: Array<{ key: StepKey; hint: string; enabled: boolean }> =
    round.stage === 'surveying'
      ? [
          { key: 'survey', hint: t('round.hints.survey'), enabled: true },
          {
            key: 'meeting',
            hint:
              pendingMeeting > 0
                ? t('round.hints.meetingWaiting', { count: pendingMeeting })
                : t('round.hints.meeting'),
            enabled: pendingMeeting > 0,
          },
          {
            key: 'posting',
            hint:
              round.households.length === 0
                ? t('round.hints.postingEmpty')
                : pendingMeeting > 0
                  ? t('round.hints.postingBlocked', { count: pendingMeeting })
                  : t('round.hints.posting'),
            enabled: round.households.length > 0 && pendingMeeting === 0,
          },
        ]
      : [
          { key: 'complaints', hint: t('round.hints.complaints'), enabled: true },
          {
            key: 'decision',
            hint:
              openComplaints > 0
                ? t('round.hints.decisionBlocked', { count: openComplaints })
                : t('round.hints.decision'),
            enabled: openComplaints === 0,
          },
        ];
  const mine = steps.filter((s) => STEP_ROLES[s.key].includes(role));
  if (mine.length === 0) return <Text size="sm">{t('round.readOnly')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: mine.length }}>
      {mine.map((s) => (
        <Stack key={s.key} gap={4}>
          <Button
            variant={s.enabled ? 'filled' : 'default'}
            disabled={!s.enabled}
            onClick={() => navigate(`/review-rounds/${round.roundId}/${s.key}`)}
          >
            {t(`round.actions.${s.key}`)}
          </Button>
          <Text size="sm" c="dimmed">
            {s.hint}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

function VillagesTable({ round, language }: { round: Round; language: Language }) {
  const { t } = useTranslation('reviewRounds');
  if (round.villages.length === 0) return <Text c="dimmed">{t('round.villages.empty')}</Text>;
  const n = (v: number) => formatNumber(v, language);
  return (
    <ScrollTable label={t('round.villages.caption')} minWidth={640}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('round.villages.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('round.villages.village')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('round.villages.households')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('round.villages.applied')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('round.villages.agreed')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('round.villages.changed')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('round.villages.pending')}
            </Table.Th>
            <Table.Th scope="col">{t('round.villages.meetings')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {round.villages.map((v) => (
            <Table.Tr key={v.village}>
              <Table.Th scope="row">{v.village}</Table.Th>
              <Table.Td ta="right">{n(v.households)}</Table.Td>
              <Table.Td ta="right">{n(v.applied)}</Table.Td>
              <Table.Td ta="right">{n(v.agreed)}</Table.Td>
              <Table.Td ta="right">{n(v.changed)}</Table.Td>
              <Table.Td ta="right">{n(v.pendingMeeting)}</Table.Td>
              <Table.Td>
                {v.meetings.map((m) => (
                  <Text key={`${m.heldOn}-${m.document}`} size="sm">
                    {t('round.villages.meeting', {
                      date: formatDate(m.heldOn, language),
                      document: m.document,
                      count: m.households,
                    })}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function HouseholdsTable({
  round,
  names,
  language,
}: {
  round: Round;
  names: Map<string, HouseholdName>;
  language: Language;
}) {
  const { t } = useTranslation('reviewRounds');
  const waiting = new Set(useRoundOutbox(round.roundId).map((e) => e.householdId));
  if (round.households.length === 0) return <Text c="dimmed">{t('round.villages.empty')}</Text>;
  return (
    <ScrollTable label={t('round.householdsTable.caption')} minWidth={920}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('round.householdsTable.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('round.householdsTable.head')}</Table.Th>
            <Table.Th scope="col">{t('round.householdsTable.village')}</Table.Th>
            <Table.Th scope="col">{t('round.householdsTable.surveyedOn')}</Table.Th>
            <Table.Th scope="col">{t('round.householdsTable.proposed')}</Table.Th>
            <Table.Th scope="col">{t('round.householdsTable.meeting')}</Table.Th>
            <Table.Th scope="col">{t('round.householdsTable.complaint')}</Table.Th>
            <Table.Th scope="col">{t('round.householdsTable.current')}</Table.Th>
            <Table.Th scope="col">{t('round.householdsTable.decided')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {round.households.map((h) => (
            <Table.Tr key={h.householdId}>
              <Table.Td>
                <Anchor component={Link} to={`/households/${h.householdId}`} fw={600}>
                  {names.get(h.householdId)?.headName ?? h.householdId.slice(0, 8)}
                </Anchor>
                {h.applied && (
                  <Badge ml="xs" size="xs" color="blue.8">
                    {t('round.householdsTable.applied')}
                  </Badge>
                )}
                {waiting.has(h.householdId) && (
                  <Badge ml="xs" size="xs" color="yellow">
                    {t('round.householdsTable.pending')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{h.village}</Table.Td>
              <Table.Td>{formatDate(h.surveyedOn, language)}</Table.Td>
              <Table.Td>
                <ClassificationBadge value={h.proposed} />
              </Table.Td>
              <Table.Td>
                {t(`round.meetingStates.${h.meeting}`)}
                {h.meetingHeldOn ? ` (${formatDate(h.meetingHeldOn, language)})` : ''}
              </Table.Td>
              <Table.Td>{t(`round.complaintStates.${h.complaint}`)}</Table.Td>
              <Table.Td>
                <ClassificationBadge value={h.current} />
              </Table.Td>
              <Table.Td>{h.decided ? <ClassificationBadge value={h.decided} /> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function StepsTable({ round, language }: { round: Round; language: Language }) {
  const { t } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const stepText = (s: Round['steps'][number]) =>
    (t as unknown as (key: string, options?: object) => string)(`round.steps.types.${s.type}`, {
      village: s.village ?? '',
      decisionNo: s.decisionNo ?? '',
      defaultValue: s.type,
    });
  return (
    <ScrollTable label={t('round.steps.caption')} minWidth={640}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('round.steps.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('round.steps.on')}</Table.Th>
            <Table.Th scope="col">{t('round.steps.what')}</Table.Th>
            <Table.Th scope="col">{t('round.steps.by')}</Table.Th>
            <Table.Th scope="col">{t('round.steps.recordedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...round.steps].reverse().map((s) => (
            <Table.Tr key={s.version}>
              <Table.Td>{formatDate(s.on, language)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {stepText(s)}
                </Text>
                {s.document && (
                  <Text size="xs" c="dimmed">
                    {s.document}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {s.recordedBy}
                <Text size="xs" c="dimmed">
                  {tc(`roles.${s.recordedByRole}` as 'roles.supervisor', { defaultValue: s.recordedByRole })}
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(s.recordedAt, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The title of a round: its kind and list year. */
export function useRoundTitle(round: Pick<Round, 'kind' | 'listYear'> | undefined): string {
  const { t } = useTranslation('reviewRounds');
  return round ? t('round.title', { kind: t(`kindsLong.${round.kind}`), listYear: round.listYear }) : '';
}

/** /review-rounds/:id — a round: where it stands, progress per village and household, its steps. */
export function RoundScreen({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const user = useUser();
  const round = useRound(roundId);
  const communes = useMyCommunes();
  const names = useHouseholdNames(round.data?.unitCode ?? '', round.data?.households ?? []);
  const title = useRoundTitle(round.data);
  if (round.isPending) return <Loader aria-label={tc('states.loading')} />;
  if (round.isError) {
    return (
      <Alert color="red" role="alert" title={tc('states.error')}>
        {problemMessage(round.error, tc('states.error'))}
      </Alert>
    );
  }
  const r = round.data;
  const unitName = communes.data?.find((c) => c.code === r.unitCode)?.name;
  return (
    <Stack>
      <Anchor component={Link} to="/review-rounds" size="sm">
        ← {t('round.back')}
      </Anchor>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={2}>{title}</Title>
            <StageBadge stage={r.stage} />
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Field label={t('round.unit')}>{unitName ? `${unitName} (${r.unitCode})` : r.unitCode}</Field>
            <Field label={t('round.openedOn')}>{formatDate(r.openedOn, language)}</Field>
            <Field label={t('round.households')}>{formatNumber(r.households.length, language)}</Field>
            {r.document && <Field label={t('round.document')}>{r.document}</Field>}
            {r.windowOverrideReason && <Field label={t('round.reason')}>{r.windowOverrideReason}</Field>}
            {r.posting && (
              <Field label={t('round.posting')}>
                {t('round.postingDates', {
                  from: formatDate(r.posting.from, language),
                  to: formatDate(r.posting.to, language),
                })}
              </Field>
            )}
          </SimpleGrid>
          {r.decision && (
            <Alert color="teal" title={t('round.decision')}>
              <Text size="sm">
                {t('round.decisionText', {
                  decisionNo: r.decision.decisionNo,
                  issuedOn: formatDate(r.decision.issuedOn, language),
                  signer: r.decision.signer,
                })}
              </Text>
              <Text size="sm">
                {t('round.applied', {
                  applied: formatNumber(r.decision.applied, language),
                  households: formatNumber(r.decision.households, language),
                })}
              </Text>
            </Alert>
          )}
          {r.decision && r.decision.failed.length > 0 && (
            <Alert color="red" role="alert" title={t('round.failedTitle')}>
              <List size="sm">
                {r.decision.failed.map((f) => (
                  <List.Item key={f.householdId}>
                    {names.get(f.householdId)?.headName ?? f.householdId}: {f.code}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="round-next">
        <Title order={3} size="h4" mb="sm" id="round-next">
          {t('round.next')}
        </Title>
        <NextSteps round={r} role={user.role} />
      </Paper>
      <Tabs defaultValue="villages">
        <Tabs.List>
          <Tabs.Tab value="villages">{t('round.tabs.villages')}</Tabs.Tab>
          <Tabs.Tab value="households">{t('round.tabs.households')}</Tabs.Tab>
          <Tabs.Tab value="steps">{t('round.tabs.steps')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="villages" pt="md">
          <VillagesTable round={r} language={language} />
        </Tabs.Panel>
        <Tabs.Panel value="households" pt="md">
          <HouseholdsTable round={r} names={names} language={language} />
        </Tabs.Panel>
        <Tabs.Panel value="steps" pt="md">
          <StepsTable round={r} language={language} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

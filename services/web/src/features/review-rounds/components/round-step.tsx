import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Role, useUser } from '../../../lib/auth';
import { problemMessage } from '../../../lib/problem';
import { useMyCommunes } from '../../units';
import { type Round, useRound } from '../api/rounds';
import { ComplaintsScreen } from './complaints-screen';
import { DecisionScreen } from './decision-screen';
import { MeetingScreen } from './meeting-screen';
import { PostingScreen } from './posting-screen';
import { useRoundTitle } from './round-screen';
import { SurveyFormScreen } from './survey-form-screen';
import { SurveyScreen } from './survey-screen';

/** Each step's screen and who takes it. */
const STEPS: Record<string, { roles: readonly Role[]; Screen: ComponentType<{ round: Round }> }> = {
  survey: { roles: ['case_worker', 'supervisor'], Screen: SurveyScreen },
  meeting: { roles: ['case_worker', 'supervisor'], Screen: MeetingScreen },
  posting: { roles: ['supervisor'], Screen: PostingScreen },
  complaints: { roles: ['case_worker', 'supervisor'], Screen: ComplaintsScreen },
  decision: { roles: ['supervisor'], Screen: DecisionScreen },
};

/**
 * A step of a round (/review-rounds/:id/:step, or a household's survey): the round read first, a link
 * back to it with its title, and the step's screen for the roles that take it.
 */
export function RoundStep({ roundId, step, householdId }: { roundId: string; step: string; householdId?: string }) {
  const { t } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const user = useUser();
  const round = useRound(roundId);
  const communes = useMyCommunes();
  const title = useRoundTitle(round.data);
  const entry = STEPS[step];
  if (!entry) return <Alert color="gray">{t('unknownStep')}</Alert>;
  if (!entry.roles.includes(user.role)) {
    return <Alert color="orange">{t('notAllowedStep', { role: tc(`roles.${user.role}`) })}</Alert>;
  }
  if (round.isPending) return <Loader aria-label={tc('states.loading')} />;
  if (round.isError && !round.data) {
    return (
      <Alert color="red" role="alert" title={tc('states.error')}>
        {problemMessage(round.error, tc('states.error'))}
      </Alert>
    );
  }
  const r = round.data;
  const unitName = communes.data?.find((c) => c.code === r.unitCode)?.name ?? r.unitCode;
  const { Screen } = entry;
  const back = householdId ? `/review-rounds/${roundId}/survey` : `/review-rounds/${roundId}`;
  return (
    <Stack>
      <div>
        <Anchor component={Link} to={back} size="sm">
          ← {householdId ? t('survey.cancel') : `${title} · ${unitName}`}
        </Anchor>
        {householdId && (
          <Text size="sm" c="dimmed">
            {title} · {unitName}
          </Text>
        )}
      </div>
      {householdId ? <SurveyFormScreen round={r} householdId={householdId} /> : <Screen round={r} />}
    </Stack>
  );
}

import type { TrainingState } from '@benvung/domain';
import { Alert, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, type Language } from '../../../lib/format';
import type { TrainingStage } from '../support-input';
import { CheckField, ChoiceField, NumberField, TextField } from './fields';

interface TrainingFieldsProps {
  stage: TrainingStage;
  /** The household's trainings in progress (undefined while its history loads). */
  trainings: readonly TrainingState[] | undefined;
}

/** An enrolment, or the completion or drop-out of a training picked from the household's history. */
export function TrainingFields({ stage, trainings }: TrainingFieldsProps) {
  const { t, i18n } = useTranslation('support');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  if (stage === 'enrolled') {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextField name="course" label={t('training.course')} required />
        <TextField
          name="trainingId"
          label={t('training.trainingId')}
          required
          description={t('training.trainingIdHint')}
        />
        <TextField name="provider" label={t('training.provider')} />
        <TextField name="occupation" label={t('training.occupation')} />
        <NumberField name="costVnd" label={t('training.cost')} money />
      </SimpleGrid>
    );
  }
  if (trainings && trainings.length === 0) return <Alert color="gray">{t('training.none')}</Alert>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <ChoiceField
        name="trainingId"
        label={t('training.pick')}
        required
        options={(trainings ?? []).map((tr) => ({
          value: tr.trainingId,
          label: t('training.option', { course: tr.course, date: formatDate(tr.enrolledOn, language) }),
        }))}
      />
      {stage === 'completed' ? (
        <CheckField name="certified" label={t('training.certified')} />
      ) : (
        <TextField name="reason" label={t('training.dropReason')} />
      )}
    </SimpleGrid>
  );
}

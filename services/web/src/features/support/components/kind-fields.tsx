import { HousingInput, JobPlacementInput, LivelihoodInput, WaterSanitationInput } from '@benvung/domain';
import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoiceField, DateInputField, NumberField, TextField } from './fields';

const CHANNELS = JobPlacementInput.shape.channel.options;
const MODEL_TYPES = LivelihoodInput.shape.modelType.unwrap().options;
const HOUSING = HousingInput.shape.support.options;
const FACILITIES = WaterSanitationInput.shape.facility.options;

type SimpleKind =
  | 'job_placement'
  | 'livelihood'
  | 'production'
  | 'health_insurance'
  | 'housing'
  | 'water_sanitation'
  | 'other';

/** The fields of the support actions that are recorded once: jobs, livelihood, production, cards, housing, water, other. */
export function KindFields({ kind }: { kind: SimpleKind }) {
  const { t } = useTranslation('support');
  switch (kind) {
    case 'job_placement':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ChoiceField
            name="channel"
            label={t('job.channel')}
            required
            options={CHANNELS.map((c) => ({ value: c, label: t(`job.channels.${c}`) }))}
          />
          <TextField name="occupation" label={t('job.occupation')} />
          <TextField name="employer" label={t('job.employer')} />
          <TextField name="country" label={t('job.country')} />
          <NumberField name="monthlyWageVnd" label={t('job.wage')} money />
        </SimpleGrid>
      );
    case 'livelihood':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField name="model" label={t('livelihood.model')} required />
          <ChoiceField
            name="modelType"
            label={t('livelihood.modelType')}
            required
            options={MODEL_TYPES.map((m) => ({ value: m, label: t(`livelihood.modelTypes.${m}`) }))}
          />
          <NumberField
            name="valueVnd"
            label={t('livelihood.value')}
            description={t('livelihood.valueHint')}
            required
            money
          />
          <TextField name="group.name" label={t('livelihood.groupName')} />
          <NumberField name="group.householdCount" label={t('livelihood.groupCount')} />
        </SimpleGrid>
      );
    case 'production':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField name="items" label={t('production.items')} required />
          <NumberField name="valueVnd" label={t('production.value')} money />
        </SimpleGrid>
      );
    case 'health_insurance':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberField name="cardCount" label={t('insurance.cardCount')} required />
          <DateInputField name="validUntil" label={t('insurance.validUntil')} required />
        </SimpleGrid>
      );
    case 'housing':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ChoiceField
            name="support"
            label={t('housing.support')}
            required
            options={HOUSING.map((h) => ({ value: h, label: t(`housing.supports.${h}`) }))}
          />
          <NumberField name="valueVnd" label={t('housing.value')} required money />
        </SimpleGrid>
      );
    case 'water_sanitation':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ChoiceField
            name="facility"
            label={t('water.facility')}
            required
            options={FACILITIES.map((f) => ({ value: f, label: t(`water.facilities.${f}`) }))}
          />
          <NumberField name="valueVnd" label={t('water.value')} money />
        </SimpleGrid>
      );
    case 'other':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField name="description" label={t('other.description')} required />
          <NumberField name="valueVnd" label={t('other.value')} money />
        </SimpleGrid>
      );
  }
}

import { Alert, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, type Language } from '../../../lib/format';
import { type Classification, ClassificationBadge } from './classification-badge';

export interface HouseholdStatus {
  householdId: string;
  householdCode: string | null;
  headName: string | null;
  unitCode: string;
  area: 'rural' | 'urban';
  village: string | null;
  memberCount: number;
  classification: Classification;
  registeredOn: string;
  version: number;
  fromStream?: boolean;
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

export function HouseholdSummary({
  household,
  unitName,
}: {
  household: HouseholdStatus;
  unitName?: string | undefined;
}) {
  const { t, i18n } = useTranslation('households');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          {/* The head's name is null only once erased: registration requires one. */}
          <Title order={2}>{household.headName ?? t('household.nameErased')}</Title>
          <ClassificationBadge value={household.classification} />
        </Group>
        {household.fromStream && (
          <Alert color="blue" variant="light">
            {t('household.fromStream')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Field label={t('household.code')}>{household.householdCode ?? '—'}</Field>
          <Field label={t('household.unit')}>
            {unitName ? `${unitName} (${household.unitCode})` : household.unitCode}
          </Field>
          <Field label={t('household.village')}>{household.village ?? '—'}</Field>
          <Field label={t('household.area')}>{tc(`area.${household.area}`)}</Field>
          <Field label={t('household.members')}>{formatNumber(household.memberCount, language)}</Field>
          <Field label={t('household.registeredOn')}>{formatDate(household.registeredOn, language)}</Field>
          <Field label={t('household.version')}>{household.version}</Field>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

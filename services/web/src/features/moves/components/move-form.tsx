import { type Area, IsoDate, MoveHousehold } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { todayInVietnam } from '../../../lib/format';
import { useDraft } from '../../../lib/offline/use-draft';
import { emptyIs } from '../../../lib/required-message';
import { type Commune, CommuneInput, resolveCommune } from '../../units';

const AREAS = MoveHousehold.shape.area.unwrap().options;
/** The area choice meaning "none stated": the commune's kind decides. */
const BY_UNIT = 'by_unit';

/** The body of POST /moves, by the domain's MoveHousehold command. */
const MoveBody = MoveHousehold.pick({ toUnitCode: true, village: true, area: true, areaOverrideReason: true }).extend({
  occurredAt: IsoDate,
});
export type MoveBody = z.infer<typeof MoveBody>;

/** What the form holds: the commune as typed, the rest as the domain takes it. */
const MoveFields = MoveBody.omit({ toUnitCode: true }).extend({ unit: z.string().trim().min(1) });
interface MoveFields {
  unit: string;
  village: string;
  area: Area | '';
  areaOverrideReason: string;
  occurredAt: string;
}

const toFields = (v: MoveFields) => ({
  unit: v.unit,
  occurredAt: v.occurredAt,
  ...(v.village.trim() ? { village: v.village } : {}),
  ...(v.area ? { area: v.area } : {}),
  ...(v.area && v.areaOverrideReason.trim() ? { areaOverrideReason: v.areaOverrideReason } : {}),
});
const MoveSchema = z.preprocess((v) => toFields(v as MoveFields), MoveFields);

interface MoveFormProps {
  householdId: string;
  communes: readonly Commune[];
  onSubmit(body: MoveBody): Promise<boolean>;
  onCancel(): void;
  error?: string | undefined;
}

export function MoveForm({ householdId, communes, onSubmit, onCancel, error }: MoveFormProps) {
  const { t } = useTranslation('moves');
  const { t: tc } = useTranslation();
  const form = useForm<MoveFields, unknown, z.infer<typeof MoveFields>>({
    resolver: zodResolver(MoveSchema as never, { error: emptyIs(tc('required')) }) as never,
    defaultValues: { unit: '', village: '', area: '', areaOverrideReason: '', occurredAt: todayInVietnam() },
  });
  const draft = useDraft(`move.${householdId}`, form);
  const area = useWatch({ control: form.control, name: 'area' });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ unit, ...rest }) => {
    const commune = resolveCommune(unit, communes);
    if (!commune) {
      form.setError('unit', { message: t('unknownUnit') });
      return;
    }
    if (await onSubmit({ ...rest, toUnitCode: commune.code })) draft.clear();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Controller
          control={form.control}
          name="unit"
          render={({ field }) => (
            <CommuneInput
              label={t('unit')}
              required
              communes={communes}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.unit?.message}
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('village')}
            description={t('villageHint')}
            maxLength={200}
            error={errors.village?.message}
            {...form.register('village')}
          />
          <FormDateField control={form.control} name="occurredAt" label={t('occurredAt')} required />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="area"
          render={({ field }) => (
            <Select
              label={t('area')}
              allowDeselect={false}
              value={field.value || BY_UNIT}
              onChange={(v) => field.onChange(!v || v === BY_UNIT ? '' : v)}
              data={[
                { value: BY_UNIT, label: t('areaByUnit') },
                ...AREAS.map((a) => ({ value: a, label: t(`areas.${a}`) })),
              ]}
            />
          )}
        />
        {area && (
          <TextInput
            label={t('areaOverrideReason')}
            description={t('areaOverrideHint')}
            maxLength={500}
            error={errors.areaOverrideReason?.message}
            {...form.register('areaOverrideReason')}
          />
        )}
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

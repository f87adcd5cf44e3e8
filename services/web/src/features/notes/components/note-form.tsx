import { AddNote, IsoDate } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { todayInVietnam } from '../../../lib/format';
import { useDraft } from '../../../lib/offline/use-draft';
import { emptyIs } from '../../../lib/required-message';

type Category = NonNullable<AddNote['category']>;
const CATEGORIES = AddNote.shape.category.unwrap().options;

/** The body of POST /notes, by the domain's AddNote command. */
const NoteBody = AddNote.pick({ text: true, category: true }).extend({ occurredAt: IsoDate });
export type NoteBody = z.infer<typeof NoteBody>;

interface NoteFields {
  text: string;
  category: Category | '';
  occurredAt: string;
}

const toBody = (v: NoteFields) => ({
  text: v.text,
  occurredAt: v.occurredAt,
  ...(v.category ? { category: v.category } : {}),
});
const NoteSchema = z.preprocess((v) => toBody(v as NoteFields), NoteBody);

interface NoteFormProps {
  householdId: string;
  onSubmit(body: NoteBody): Promise<boolean>;
  onCancel(): void;
  error?: string | undefined;
}

export function NoteForm({ householdId, onSubmit, onCancel, error }: NoteFormProps) {
  const { t } = useTranslation('notes');
  const { t: tc } = useTranslation();
  const form = useForm<NoteFields, unknown, NoteBody>({
    resolver: zodResolver(NoteSchema as never, { error: emptyIs(tc('required')) }) as never,
    defaultValues: { text: '', category: 'visit', occurredAt: todayInVietnam() },
  });
  const draft = useDraft(`note.${householdId}`, form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (body) => {
    if (await onSubmit(body)) draft.clear();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="category"
            render={({ field }) => (
              <Select
                label={t('category')}
                placeholder={t('categoryNone')}
                clearable
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                data={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
              />
            )}
          />
          <FormDateField control={form.control} name="occurredAt" label={t('occurredAt')} required />
        </SimpleGrid>
        <Textarea
          label={t('text')}
          required
          autosize
          minRows={4}
          maxLength={5000}
          error={errors.text?.message}
          {...form.register('text')}
        />
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

import { Alert, Button, Group, Radio, Select, Stack, Textarea, Title } from '@mantine/core';
import { useCallback, useRef } from 'react';
import { Controller, FormProvider, type Resolver, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDateField } from '../../../components/ui/form-date-field';
import { formatDate, type Language, todayInVietnam } from '../../../lib/format';
import { useDraft } from '../../../lib/offline/use-draft';
import { describeEvent } from '../../households/components/describe-event';
import {
  amendmentFields,
  changedFields,
  type FieldSpec,
  fieldsOfEvent,
  fromFormInput,
  toFormInput,
} from '../amendment';
import { useRulesOn } from '../api/get-rules';
import type { CorrectableEvent } from '../api/use-correctable-events';
import { type CorrectionBody, type CorrectionFields, checkCorrection } from '../correction-body';
import { AmendmentFields } from './amendment-fields';
import { ChangePreview } from './change-preview';
import { type Choices, valueText } from './value-text';

type Errors = Record<string, unknown>;
function setError(errors: Errors, path: string, message: string): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = errors;
  for (const key of keys) {
    node[key] ??= {};
    node = node[key] as Errors;
  }
  node[last] ??= { type: 'validate', message };
}

interface CorrectionFormProps {
  householdId: string;
  events: readonly CorrectableEvent[];
  onSubmit(body: CorrectionBody): Promise<boolean>;
  onCancel(): void;
  error?: string | undefined;
}

/** Pick an event, void or amend it with a reason, and see what changes before saving. */
export function CorrectionForm({ householdId, events, onSubmit, onCancel, error }: CorrectionFormProps) {
  const { t, i18n } = useTranslation('corrections');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const tx = t as unknown as (key: string, options?: object) => string;
  // The resolver reads the events and texts of the latest render.
  const latest = useRef({ events, required: tc('required') });
  latest.current = { events, required: tc('required') };
  const resolver = useCallback<Resolver<CorrectionFields, unknown, CorrectionBody>>(
    async (values) => {
      const event = latest.current.events.find((e) => e.eventId === values.eventId);
      const checked = checkCorrection(values, event, householdId, latest.current.required);
      if ('body' in checked) return { values: checked.body, errors: {} };
      const errors: Errors = {};
      for (const e of checked.errors) setError(errors, e.path, e.message);
      return { values: {}, errors: errors as never };
    },
    [householdId],
  );
  const form = useForm<CorrectionFields, unknown, CorrectionBody>({
    resolver,
    defaultValues: { eventId: '', action: 'void', reason: '', occurredAt: todayInVietnam(), input: {} },
  });
  const draft = useDraft(`correction.${householdId}`, form);
  const [eventId, action, input] = useWatch({ control: form.control, name: ['eventId', 'action', 'input'] });
  const event = events.find((e) => e.eventId === eventId);
  const rules = useRulesOn(event && action === 'amend' ? event.date : undefined);
  const original = event ? fieldsOfEvent(event.type, event.data) : {};
  // A 2021–2025 project is shown only on the events that name one (later ones name a component).
  const specs = (event ? amendmentFields(event.type) : []).filter(
    (s) => s.key !== 'project' || original.project !== undefined,
  );
  const changes = event ? changedFields(specs, original, fromFormInput(specs, original, input ?? {})) : [];

  const labelOf = (key: string) => tx(`fields.${key}`, { defaultValue: key });
  const choices: Choices = {};
  for (const spec of specs) {
    if (spec.options) {
      choices[spec.key] = spec.options.map((o) => ({
        value: o,
        label: tx(`values.${spec.key}.${o}`, { defaultValue: o }),
      }));
    }
  }
  if (rules.data) {
    choices.programme = rules.data.loanProgrammes.map((p) => ({ value: p.id, label: p.names[language] }));
    choices.component = rules.data.programmeComponents.map((c) => ({ value: c.code, label: c.names[language] }));
    const standard = rules.data.standards.find((s) => s.id === event?.data.standardId) ?? rules.data.standards[0];
    choices.deprivations = (standard?.indicators ?? []).map((i) => ({ value: i.code, label: i.names[language] }));
  }
  const textOf = (spec: FieldSpec, value: unknown) =>
    valueText(spec, value, {
      language,
      yes: t('yes'),
      no: t('no'),
      label: (key, v) => choices[key]?.find((o) => o.value === v)?.label,
    });
  const sentenceOf = (e: CorrectableEvent) => {
    const name = (e.data.person as { fullName?: string } | undefined)?.fullName;
    const sentence = describeEvent({ type: e.type, data: e.data, personal: null }, language);
    return name ? `${sentence}: ${name}` : sentence;
  };
  const pick = (id: string | null) => {
    const next = events.find((e) => e.eventId === id);
    form.setValue('eventId', next?.eventId ?? '');
    form.setValue('input', next ? toFormInput(amendmentFields(next.type), fieldsOfEvent(next.type, next.data)) : {});
    if (next && !next.amendable) form.setValue('action', 'void');
    form.clearErrors();
  };
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (body) => {
    if (body.action === 'amend' && changes.length === 0) {
      form.setError('root', { message: t('noChange') });
      return;
    }
    if (await onSubmit(body)) draft.clear();
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {(error || errors.root) && (
            <Alert color="red" role="alert">
              {error ?? errors.root?.message}
            </Alert>
          )}
          <Select
            label={t('event')}
            description={t('eventHint')}
            required
            searchable
            value={eventId || null}
            onChange={pick}
            error={errors.eventId?.message}
            data={events.map((e) => ({
              value: e.eventId,
              label:
                t('eventOption', {
                  date: formatDate(e.date, language),
                  text: sentenceOf(e),
                  version: e.version,
                }) + (e.amended ? t('amendedMark') : ''),
            }))}
            comboboxProps={{ width: 'target' }}
          />
          {event && (
            <>
              <Controller
                control={form.control}
                name="action"
                render={({ field }) => (
                  <Radio.Group
                    label={t('action')}
                    required
                    value={field.value}
                    onChange={field.onChange}
                    description={event.amendable ? undefined : t('notAmendable')}
                  >
                    <Group mt="xs">
                      <Radio value="void" label={t('actions.void')} />
                      <Radio value="amend" label={t('actions.amend')} disabled={!event.amendable} />
                    </Group>
                  </Radio.Group>
                )}
              />
              {action === 'amend' && event.amendable && (
                <Stack gap="xs">
                  <Title order={3} size="h5">
                    {t('amendment')}
                  </Title>
                  <AmendmentFields
                    specs={specs}
                    choices={choices}
                    labelOf={labelOf}
                    yesNo={{ yes: t('yes'), no: t('no') }}
                  />
                </Stack>
              )}
              <Textarea
                label={t('reason')}
                required
                autosize
                minRows={2}
                maxLength={500}
                error={errors.reason?.message}
                {...form.register('reason')}
              />
              <FormDateField control={form.control} name="occurredAt" label={t('occurredAt')} required />
              <ChangePreview
                action={action === 'amend' && event.amendable ? 'amend' : 'void'}
                sentence={sentenceOf(event)}
                date={event.date}
                changes={changes}
                labelOf={labelOf}
                textOf={textOf}
              />
            </>
          )}
          <Group>
            <Button type="submit" color={action === 'void' ? 'red' : undefined} loading={isSubmitting}>
              {t('save')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}

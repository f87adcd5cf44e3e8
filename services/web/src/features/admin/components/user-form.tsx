import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Role } from '../../../lib/auth';
import { UnitPicker } from './unit-picker';

export const ROLES: Role[] = ['case_worker', 'supervisor', 'auditor', 'analyst', 'admin'];

export interface UserFields {
  username: string;
  displayName: string;
  role: Role;
  units: string[];
}

interface UserFormProps {
  /** Editing an account: its username is shown, not changed. */
  mode: 'create' | 'edit';
  defaultValues: UserFields;
  error?: string | undefined;
  onSubmit(values: UserFields): Promise<unknown>;
  onCancel(): void;
}

/** An account's name, role and units; a new account also its username. */
export function UserForm({ mode, defaultValues, error, onSubmit, onCancel }: UserFormProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const schema = z
    .object({
      username: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/, t('form.usernameInvalid')),
      displayName: z.string().trim().min(1, tc('required')).max(200),
      role: z.enum(['case_worker', 'supervisor', 'auditor', 'analyst', 'admin']),
      units: z.array(z.string()).max(500),
    })
    // Every role but the administrator's acts on units: without one it could do nothing.
    .refine((v) => v.role === 'admin' || v.units.length > 0, { path: ['units'], message: t('form.unitsNeeded') });
  const form = useForm<UserFields>({ resolver: zodResolver(schema), defaultValues });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('form.username')}
          description={mode === 'create' ? t('form.usernameHint') : undefined}
          required
          readOnly={mode === 'edit'}
          autoComplete="off"
          spellCheck={false}
          error={errors.username?.message}
          {...form.register('username')}
        />
        <TextInput
          label={t('form.displayName')}
          required
          autoComplete="off"
          error={errors.displayName?.message}
          {...form.register('displayName')}
        />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <Select
              label={t('form.role')}
              required
              allowDeselect={false}
              value={field.value}
              onChange={(v) => field.onChange(v ?? field.value)}
              data={ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={form.control}
          name="units"
          render={({ field }) => (
            <UnitPicker
              label={t('form.units')}
              description={t('form.unitsHint')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.units?.message}
            />
          )}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

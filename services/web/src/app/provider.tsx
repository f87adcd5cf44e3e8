import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  MantineProvider,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthProvider } from '../lib/auth';
import { onSent, outbox } from '../lib/offline/outbox';
import { ApiProblem } from '../lib/problem';

// Mantine draws light and subtle variants' text in a middle shade, and a filled button's hover in a
// lighter one: under 4.5:1 for several colours. Text darkened from the darkest shade, and a darker
// hover, keep every variant readable (WCAG AA).
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const shade = (n: number) => `var(--mantine-color-${parsed.color}-${n})`;
  const darkText = `color-mix(in srgb, ${shade(9)}, black 30%)`;
  if ((input.variant ?? 'filled') === 'filled')
    return { ...colors, hover: `color-mix(in srgb, ${colors.background}, black 15%)` };
  if (input.variant === 'light') return { ...colors, color: darkText, background: shade(0), hover: shade(1) };
  if (input.variant === 'subtle') return { ...colors, color: darkText };
  return colors;
};

/** The theme, with the accessible names Mantine leaves in English (or empty) in the user's language. */
const makeTheme = (labels: { close: string; showPassword: string }) =>
  createTheme({
    variantColorResolver,
    components: {
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
      CloseButton: { defaultProps: { 'aria-label': labels.close } },
      PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': labels.showPassword } } },
    },
    primaryColor: 'teal',
    // Filled surfaces of light colours (yellow, orange) get dark text, dark ones white.
    autoContrast: true,
    // Darker shades than the defaults: white text on them passes WCAG AA contrast.
    primaryShade: { light: 9, dark: 7 },
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
    defaultRadius: 'md',
  });

// Mantine's dimmed grey on white is 3.3:1; secondary text must still reach WCAG AA (4.5:1).
const cssVariables: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    // The primary colour's hover is otherwise a lighter shade (3.9:1 under white text).
    '--mantine-primary-color-filled-hover': 'color-mix(in srgb, var(--mantine-primary-color-filled), black 15%)',
  },
  dark: {},
});

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refusal (4xx) will not change by asking again; a network failure may.
        retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
      },
    },
  });
}

/** Everything the screens share: theme, server-state cache, signed-in user, notifications, outbox. */
export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const { t } = useTranslation();
  const theme = useMemo(
    () => makeTheme({ close: t('actions.close'), showPassword: t('actions.showPassword') }),
    // The names follow the language: `t` is a new function after each change.
    [t],
  );
  useEffect(() => {
    void outbox.load().then(() => outbox.flush());
    // When a kept entry reaches the server, what shows its household is out of date.
    return onSent((entry) => {
      void queryClient.invalidateQueries({ queryKey: ['households'] });
      void queryClient.invalidateQueries({ queryKey: ['household', entry.householdId] });
      if (entry.roundId !== undefined) void queryClient.invalidateQueries({ queryKey: ['review-rounds'] });
    });
  }, [queryClient]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <AuthProvider>{children}</AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

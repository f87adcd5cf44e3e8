import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../lib/format';
import { setLanguage } from '../../lib/i18n';

/** Vietnamese or English, remembered on this device. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(value) => void setLanguage(value as Language)}
      data={[
        { value: 'vi', label: 'VI' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

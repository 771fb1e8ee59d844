import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, useLanguage } from '../i18n';
import { isLanguage } from '../i18n/languages';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={language}
      onChange={(value) => {
        if (isLanguage(value)) setLanguage(value);
      }}
      data={[
        { value: 'zh-CN', label: t('language.zh') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}

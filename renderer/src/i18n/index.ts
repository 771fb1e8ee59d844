/** i18next set-up: Chinese by default, English second; the choice is kept in localStorage. */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { clientLanguage, clientMessages } from '../api/client';
import { en } from './en';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';
import { zhCN } from './zh-CN';

const STORAGE_KEY = 'kam-desk.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.title = i18n.t('app.documentTitle');
  clientLanguage.english = language === 'en';
  clientMessages.noBridge = i18n.t('errors.noBridge');
  clientMessages.badResponse = i18n.t('errors.badResponse');
}

export function initI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  i18n.on('languageChanged', (lng) => {
    if (isLanguage(lng)) applyLanguage(lng);
  });
  applyLanguage(currentLanguage());
  return i18n;
}

export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable; the choice then lasts for this session only.
  }
  void i18n.changeLanguage(language);
}

/** The current language, re-rendering when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage ?? instance.language;
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

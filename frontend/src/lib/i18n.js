/** i18next set up with Vietnamese (default) and English; the choice is kept in localStorage. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from '../locales/vi.json';
import en from '../locales/en.json';

export const LANGUAGE_KEY = 'storyloom.language';
export const LANGUAGES = [
  { code: 'vi', label: 'Tiếng Việt', short: 'VI' },
  { code: 'en', label: 'English', short: 'EN' },
];
const SUPPORTED = LANGUAGES.map((l) => l.code);

export function storedLanguage() {
  try {
    const value = window.localStorage.getItem(LANGUAGE_KEY);
    return SUPPORTED.includes(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

function applyLanguage(lng) {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, lng);
  } catch {
    /* ignore: the language still applies for this visit */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: SUPPORTED,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  react: { useSuspense: false },
});

i18n.on('languageChanged', applyLanguage);
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export function setLanguage(lng) {
  return i18n.changeLanguage(SUPPORTED.includes(lng) ? lng : 'vi');
}

/** The BCP 47 locale used for dates and numbers. */
export function localeFor(lng) {
  return lng === 'en' ? 'en-GB' : 'vi-VN';
}

export default i18n;

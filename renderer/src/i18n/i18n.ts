import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../app/api/contract';
import { en } from './en';
import { esMX } from './es-mx';

/** Starts i18next with both languages bundled (no network look-ups; the CSP forbids them anyway). */
export async function initI18n(language: Language = 'es-MX') {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'es-MX',
    resources: { 'es-MX': { translation: esMX }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/**
 * Every word Debrief shows goes through here: `t` for messages (utils/i18n/locales/*.json,
 * built into _locales by @wxt-dev/i18n), `formatNumber` and `uiLocale` for Intl formatting.
 */
import { createI18n } from '@wxt-dev/i18n';
import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';

/** The message for `key` in the browser's language (English where Debrief has no translation). */
export const t = createI18n<GeneratedI18nStructure>().t;

/** The browser's UI language ("es-419", "en-GB"), for Intl; undefined lets Intl use its default. */
export function uiLocale(): string | undefined {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    // Unit tests' fake browser and Node scripts have no UI language.
    return undefined;
  }
}

/** A number in the reader's locale: "1,234" in English, "1234" or "1.234" in Spanish. */
export function formatNumber(value: number, locale: string | undefined = uiLocale(), options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

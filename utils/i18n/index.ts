/**
 * Every word Debrief shows goes through here: `t` for messages (utils/i18n/locales/*.json,
 * built into _locales by @wxt-dev/i18n), `formatNumber` and `uiLocale` for Intl formatting.
 */
import { createI18n } from '@wxt-dev/i18n';
import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';

/** The message for `key` in the browser's language (English where Debrief has no translation). */
export const t = createI18n<GeneratedI18nStructure>().t;

/**
 * The locale for Intl: the browser's UI language ("es-419", "en-GB") when Debrief's pages are in
 * that language, else the pages' own language ("en" for a French browser), so dates and numbers
 * never read in another language than the words around them. Undefined lets Intl use its default.
 */
export function uiLocale(): string | undefined {
  let browserLocale: string;
  try {
    browserLocale = browser.i18n.getUILanguage();
  } catch {
    // Unit tests' fake browser and Node scripts have no UI language.
    return undefined;
  }
  let pageLang: string;
  try {
    pageLang = t('app.lang');
  } catch {
    return browserLocale;
  }
  return !pageLang || browserLocale.split('-')[0]?.toLowerCase() === pageLang.toLowerCase() ? browserLocale : pageLang;
}

/** A number in the reader's locale: "1,234" in English, "1234" or "1.234" in Spanish. */
export function formatNumber(value: number, locale: string | undefined = uiLocale(), options?: Intl.NumberFormatOptions): string {
  // Building a formatter costs more than using one: a trends page formats a hundred numbers.
  const key = `${locale ?? ''}|${options ? JSON.stringify(options) : ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

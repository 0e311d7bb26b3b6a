/**
 * Every word Debrief shows goes through here: `t` for messages (utils/i18n/locales/*.json,
 * built into _locales by @wxt-dev/i18n), `formatNumber` and `uiLocale` for Intl formatting.
 */
import { createI18n } from '@wxt-dev/i18n';
import { browser } from 'wxt/browser';
// The same typed object WXT generates as `#i18n`, made here so Node scripts can import this file without WXT's alias.
import type { GeneratedI18nStructure } from '#i18n';
import { chromeMessages, messageGetter, translate, type MessagesFile } from './messages';

const i18n = createI18n<GeneratedI18nStructure>();

type Translate = typeof i18n.t;
/** A key of the messages file, e.g. `'history.title'`. */
export type MessageKey = keyof GeneratedI18nStructure;

function extensionI18n(): boolean {
  // Absent only in Node (e2e tests and benchmarks import the instrument to find controls by name).
  return typeof (browser as Partial<typeof browser> | undefined)?.i18n?.getMessage === 'function';
}

interface NodeProcess {
  cwd(): string;
  getBuiltinModule(id: 'node:fs'): { readFileSync(path: string, encoding: 'utf8'): string };
}

const nodeProcess = (globalThis as { process?: NodeProcess }).process;
let english: ((name: string, substitutions?: string[]) => string) | undefined;

/** Outside the extension, the English file read from disk: the language the e2e tests drive the UI in. */
function englishGetter(node: NodeProcess): (name: string, substitutions?: string[]) => string {
  if (!english) {
    const text = node.getBuiltinModule('node:fs').readFileSync(`${node.cwd()}/utils/i18n/locales/en.json`, 'utf8');
    english = messageGetter(chromeMessages(JSON.parse(text) as MessagesFile));
  }
  return english;
}

// Typed by the overloads of `Translate`; the library checks the arguments' shapes at runtime.
const libraryT = i18n.t as unknown as (key: string, ...args: unknown[]) => string;

/** The message for `key` in the browser's language (English where Debrief has no translation). */
export const t: Translate = ((key: string, ...args: Parameters<typeof translate>[2]) => {
  if (extensionI18n()) {
    try {
      return libraryT(key, ...args);
    } catch (error) {
      // WXT imports entrypoints in Node with a fake browser whose i18n throws; only there is English from disk right.
      if (!nodeProcess?.getBuiltinModule) throw error;
    }
  }
  if (!nodeProcess?.getBuiltinModule) throw new Error('Debrief messages need the extension i18n API or Node.');
  return translate(englishGetter(nodeProcess), key, args);
}) as Translate;

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
  return new Intl.NumberFormat(locale, options).format(value);
}

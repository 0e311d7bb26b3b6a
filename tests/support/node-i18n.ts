/**
 * Setup for tests and scripts that run in Node (e2e, bench): Debrief's `t` reads `browser.i18n`,
 * which Node lacks, so this gives it the English messages: the language the real UI is driven in.
 * Runs before any test file imports @wxt-dev/browser, which picks `globalThis.chrome` at import.
 */
import en from '../../utils/i18n/locales/en.json';
import { chromeMessages, messageGetter } from './locale-messages';

const getMessage = messageGetter(chromeMessages(en));
const scope = globalThis as { chrome?: unknown };
scope.chrome ??= { i18n: { getMessage } };

/**
 * What `browser.i18n` does with a locale file, for tests: the unit tests' fake browser and the
 * Node side of the e2e tests and the bench, which read on-screen wording to drive the real UI.
 * Mirrors @wxt-dev/i18n's build (nested keys joined by "_", plural forms by " | ") and its `t`.
 */

/** A locale file as written: nested groups of messages; `{ 1, n }` objects are plural forms. */
export interface MessagesFile {
  [key: string]: string | MessagesFile;
}

type Substitution = string | number;
type TArgument = number | Substitution[] | Record<string, Substitution> | undefined;

function isPlural(value: MessagesFile): boolean {
  return Object.keys(value).every((key) => key === 'n' || Number.isFinite(Number(key)));
}

/** Every message by its browser.i18n name (`a.b.c` is `a_b_c`). */
export function chromeMessages(file: MessagesFile, prefix = ''): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [key, value] of Object.entries(file)) {
    const name = prefix ? `${prefix}_${key}` : key;
    if (typeof value === 'string') messages[name] = value;
    // Integer keys sort first in JS objects, so the forms come out as 0, 1, n like the build's.
    else if (isPlural(value)) messages[name] = Object.values(value).join(' | ');
    else Object.assign(messages, chromeMessages(value, name));
  }
  return messages;
}

/** browser.i18n.getMessage over `messages`: $1–$9 replaced, "$$" a dollar sign, "" when unknown. */
export function messageGetter(messages: Record<string, string>) {
  return (name: string, substitutions?: string | string[]): string => {
    const message = messages[name];
    if (message === undefined) return '';
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
  };
}

/** @wxt-dev/i18n's `t` over a getMessage: counts pick a plural form, `{name}` placeholders are filled. */
export function translate(getMessage: (name: string, substitutions?: string[]) => string, key: string, args: TArgument[]): string {
  let subs: string[] | undefined;
  let named: Record<string, Substitution> | undefined;
  let count: number | undefined;
  for (const arg of args) {
    if (typeof arg === 'number') count = arg;
    else if (Array.isArray(arg)) subs = arg.map(String);
    else if (arg) named = arg;
  }
  if (count !== undefined && !subs) subs = [String(count)];
  let message = getMessage(key.replaceAll('.', '_'), subs);
  if (count !== undefined) {
    const forms = message.split(' | ');
    const index = forms.length === 3 ? (count === 0 || count === 1 ? count : 2) : forms.length === 2 ? (count === 1 ? 0 : 1) : 0;
    message = forms[index] ?? message;
  }
  if (!named) return message;
  const values = named;
  return message.replace(/\{([A-Za-z0-9_]+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : match));
}

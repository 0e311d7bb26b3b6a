import type { ComponentChildren } from 'preact';

/** Named placeholders that `t` should leave as they are (`{latest}` stays `{latest}`), for RichText to fill. */
export function slots<const Name extends string>(...names: Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, `{${name}}`])) as Record<Name, string>;
}

/**
 * A translated sentence with markup inside it: `message` keeps `{name}` placeholders (see `slots`)
 * and each is replaced by its part, so translators order the sentence and the code adds the emphasis.
 */
export function RichText({ message, parts }: { message: string; parts: Record<string, ComponentChildren> }) {
  const pieces = message.split(/\{([A-Za-z0-9_]+)\}/);
  // split() with a capture group alternates text and placeholder names.
  return <>{pieces.map((piece, index) => (index % 2 === 1 && Object.hasOwn(parts, piece) ? parts[piece] : index % 2 === 1 ? `{${piece}}` : piece))}</>;
}

/**
 * The options page's address lives in its hash: `#/history/<entry id>`, `#/trends?from=…`.
 * One reading and one writing of it for every view.
 */
export interface HashRoute {
  /** The decoded path segments: `#/history/a%20b` → `['history', 'a b']`. */
  segments: string[];
  query: URLSearchParams;
}

/** Reads a `location.hash`. */
export function parseHashRoute(hash: string): HashRoute {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
  return { segments, query: new URLSearchParams(query) };
}

/** Writes a hash: `hashRoute(['history', id])` → `#/history/<id>`, with the query when it has any. */
export function hashRoute(segments: readonly string[], query?: URLSearchParams): string {
  const text = query?.toString() ?? '';
  return `#/${segments.map(encodeURIComponent).join('/')}${text ? `?${text}` : ''}`;
}

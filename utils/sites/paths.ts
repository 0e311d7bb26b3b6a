/** The non-empty, decoded-as-given segments of a URL's path (`/a/b/` → `['a', 'b']`). */
export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment !== '');
}

/** The subdomain label in front of `base` (`team.vsee.me`, `vsee.me` → `team`), or '' for the base itself. */
export function subdomainOf(hostname: string, base: string): string {
  return hostname === base ? '' : hostname.slice(0, -(base.length + 1));
}

import { describe, expect, it } from 'vitest';
import { hashRoute, parseHashRoute } from '@/utils/hash-route';
import { routeForHash } from '@/entrypoints/options/routes';

describe("the options page's address", () => {
  it.each([
    ['', [], ''],
    ['#/history', ['history'], ''],
    ['#history', ['history'], ''],
    ['#/history/', ['history'], ''],
    ['#/history/a%20b%2Fc', ['history', 'a b/c'], ''],
    ['#/trends?from=2026-01-01&provider=Dr%20Lee', ['trends'], 'from=2026-01-01&provider=Dr+Lee'],
    ['#/history/%E0%A4%A', ['history', '%E0%A4%A'], ''],
  ])('%j reads as %j with query %j', (hash, segments, query) => {
    const route = parseHashRoute(hash);
    expect(route.segments).toEqual(segments);
    expect(route.query.toString()).toBe(query);
  });

  it('writes what it reads back', () => {
    const query = new URLSearchParams({ from: '2026-01-01', provider: 'Dr Lee & co' });
    const hash = hashRoute(['history', 'id/with space'], query);
    expect(parseHashRoute(hash).segments).toEqual(['history', 'id/with space']);
    expect(parseHashRoute(hash).query.get('provider')).toBe('Dr Lee & co');
    expect(hashRoute(['trends'], new URLSearchParams())).toBe('#/trends');
  });

  it.each([
    ['#/trends?from=2026-01-01', 'trends'],
    ['#/history/abc', 'history'],
    ['#/nowhere', 'history'],
    ['', 'history'],
  ])('%j shows the %s view', (hash, path) => {
    expect(routeForHash(hash).path).toBe(path);
  });
});

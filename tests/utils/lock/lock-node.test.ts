/**
 * The export file's code runs in Node too (tests, the bench): loading it must not define extension
 * storage items, whose first read rejects outside a browser.
 */
import { expect, it, vi } from 'vitest';

it('loading the export and lock modules does not load the settings in extension storage', async () => {
  vi.resetModules();
  let loaded = false;
  vi.doMock('@/utils/storage', () => {
    loaded = true;
    return {};
  });
  await import('@/utils/sync/export');
  await import('@/utils/db/lock');
  await import('@/utils/lock/session');
  expect(loaded).toBe(false);
  vi.doUnmock('@/utils/storage');
});

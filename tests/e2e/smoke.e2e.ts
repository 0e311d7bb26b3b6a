import { expect } from 'vitest';
import { test } from './fixtures';
import { openExtensionPage, screenshot } from './harness';

test('the built extension loads, its service worker runs and the popup renders', async ({ debrief }) => {
  expect(debrief.serviceWorker.url()).toBe(`chrome-extension://${debrief.extensionId}/background.js`);
  expect(await debrief.serviceWorker.evaluate(() => globalThis.constructor.name)).toBe('ServiceWorkerGlobalScope');

  const popup = await openExtensionPage(debrief, 'popup.html');
  const landmark = popup.getByRole('main').or(popup.getByRole('heading')).first();
  await landmark.waitFor();
  expect(await landmark.isVisible()).toBe(true);

  const manifest = await popup.evaluate(async () => (await fetch('/manifest.json')).json());
  expect(manifest).toMatchObject({ name: '__MSG_app_name__', manifest_version: 3, default_locale: 'en' });
  // The name comes from the messages: the popup shows it resolved.
  await popup.getByRole('heading', { level: 1, name: 'Debrief' }).waitFor();
  expect(debrief.pageErrors).toEqual([]);
  await screenshot(popup, 'smoke-popup');
});

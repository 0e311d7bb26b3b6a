/**
 * Trends for a new person and a long-time one: with 1 and 2 check-ins the view says it is too
 * early for a trend and each chart's time axis is a span of days around the points; with 40 it
 * tells Overall's direction. Screenshots of each (artifacts/trends-few-*.png) are looked at.
 */
import { expect } from 'vitest';
import type { CheckIn } from '../../utils/db/schema';
import { localIsoString } from '../../utils/db/time';
import { test } from './fixtures';
import { openExtensionPage, screenshot } from './harness';
import { makeCheckIns, seedRecords } from './records';

const HOUR = 3_600_000;

/** Two check-ins sixteen hours apart (an evening session and the next morning's). */
function twoHoursApart(): CheckIn[] {
  const [first, second] = makeCheckIns(2);
  const startedMs = Date.parse(second!.sessionStartedAt ?? second!.createdAt) - 16 * HOUR;
  return [{ ...first!, platform: 'doxy-me', createdMs: startedMs + HOUR, sessionStartedAt: localIsoString(new Date(startedMs)) }, second!];
}

test.for([
  { count: 1, checkIns: () => makeCheckIns(1), sentence: /^Not enough check-ins yet to see a trend/ },
  { count: 2, checkIns: twoHoursApart, sentence: /^Not enough check-ins yet to see a trend/ },
  { count: 40, checkIns: () => makeCheckIns(40), sentence: /^Your (overall rating|ratings) / },
])('$count check-ins: the trend sentences and a time axis that fits', async ({ count, checkIns, sentence }, { debrief }) => {
  await seedRecords(debrief, { checkIns: checkIns() });
  const page = await openExtensionPage(debrief, 'options.html#/trends');
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.getByText(count === 1 ? '1 check-in in these charts.' : `${count} check-ins in these charts.`).waitFor({ timeout: 20_000 });
  const changes = page.getByRole('region', { name: 'What changed recently' });
  const sentences = await changes.getByRole('listitem').allTextContents();
  expect(sentences.some((text) => sentence.test(text.replace(/^[^A-Za-z]+/, ''))), sentences.join(' | ')).toBe(true);
  const overall = page.getByRole('figure', { name: 'Overall', exact: true });
  await expect.poll(() => overall.locator('canvas').count(), { timeout: 10_000 }).toBe(1);
  await overall.scrollIntoViewIfNeeded();
  await overall.screenshot({ path: `tests/e2e/artifacts/trends-few-${count}.png` });
  await screenshot(page, `trends-few-${count}-page`);
});

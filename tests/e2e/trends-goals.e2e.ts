import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { OVERALL, SIGN_IDS, SIGNS, type Ratings } from '../../utils/checkin/instrument';
import { test } from './fixtures';
import { openExtensionPage, type Debrief, showMoreNotes } from './harness';
import { makeCheckIns, saveScreenshot, writeCheckIns } from './seed';

const WEEK = 7 * 24 * 3_600_000;
const SESSIONS = 78;
const METRICS = [OVERALL, ...SIGNS];

/**
 * A year and a half of weekly sessions: Overall slowly rising, Trust climbing over the
 * last six sessions, Emotional release lower this month, the rest wandering; a few skipped.
 */
const trendCheckIns = makeCheckIns(SESSIONS, {
  stepMs: WEEK,
  ratings: (age) => {
    const wander = (offset: number) => 4 + ((age * 7 + offset) % 5);
    const ratings = Object.fromEntries(SIGN_IDS.map((id, i) => [id, wander(i)])) as Ratings;
    ratings.trust = age < 6 ? 9 - age : 4 + (age % 3);
    ratings.relief = age < 4 ? 3 : 6 + (age % 3);
    if (age % 11 === 5) ratings.integration = null;
    return { ratings, overall: Math.min(10, 4 + Math.round((4 * (SESSIONS - age)) / SESSIONS) + (age % 2)) };
  },
});

async function seededOptions(debrief: Debrief, route: string, emptyText: string | RegExp): Promise<Page> {
  const page = await openExtensionPage(debrief, `options.html#/${route}`);
  await page.getByText(emptyText).waitFor();
  await writeCheckIns(page, trendCheckIns);
  await page.reload();
  return page;
}

/** Pixels painted on a chart's canvas, and how many of them are the sign's own line colour. */
async function canvasPixels(figure: Locator, hex: string): Promise<{ painted: number; signColour: number }> {
  return figure.locator('canvas').evaluate((canvas: HTMLCanvasElement, colour: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    let signColour = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! === 0) continue;
      painted++;
      const close = Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) <= 12;
      if (close && data[i + 3]! > 200) signColour++;
    }
    return { painted, signColour };
  }, hex);
}

/** Relative luminance of the page background, 0 (black) to 1 (white). */
async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...probe.getImageData(0, 0, 1, 1).data].map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

test('the trends view draws a chart for Overall and each sign, in light and dark', { timeout: 90_000 }, async ({ debrief }) => {
  const page = await seededOptions(debrief, 'trends', 'No check-ins yet. Trends appear');
  await page.getByText(`${SESSIONS} check-ins in these charts.`).waitFor({ timeout: 20_000 });

  const changes = page.getByRole('region', { name: 'What changed recently' });
  const sentences = await changes.getByRole('listitem').allTextContents();
  expect(sentences.length).toBeGreaterThan(0);
  expect(sentences.some((s) => /trust/i.test(s))).toBe(true);

  expect(await page.getByRole('figure').count()).toBe(METRICS.length);
  // Charts below the fold wait to be scrolled to, but paper shows them all: printing draws them.
  const drawn = page.getByRole('figure').locator('canvas');
  expect(await drawn.count()).toBeLessThan(METRICS.length);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await expect.poll(() => drawn.count(), { timeout: 10_000 }).toBe(METRICS.length);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  for (const metric of METRICS) {
    const figure = page.getByRole('figure', { name: metric.name, exact: true });
    const rated = trendCheckIns.filter((c) => (metric.id === 'overall' ? c.overall : c.ratings[metric.id]) !== null).length;
    const image = figure.getByRole('img', { name: new RegExp(`^${metric.name}: ${rated} sessions from `) });
    await image.waitFor();
    // Charts below the fold are drawn as they come near the screen, as a person scrolls to them.
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => image.locator('canvas').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await canvasPixels(figure, metric.chartColor)).signColour, { timeout: 10_000 }).toBeGreaterThan(50);
  }
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
  await saveScreenshot(page, 'trends-light');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => backgroundLuminance(page)).toBeLessThan(0.2);
  for (const metric of METRICS) {
    const figure = page.getByRole('figure', { name: metric.name, exact: true });
    // Repainted for the dark page: still drawn, no longer in the light page's line colour.
    await expect.poll(() => canvasPixels(figure, metric.chartColor)).toMatchObject({ signColour: 0 });
    expect((await canvasPixels(figure, metric.chartColor)).painted).toBeGreaterThan(500);
  }
  await saveScreenshot(page, 'trends-dark');
  expect(debrief.pageErrors).toEqual([]);
});

test('a goal added in options is asked about in the next check-in, and its progress shows in Goals', async ({ debrief }) => {
  const title = 'Say no without apologising';
  const options = await openExtensionPage(debrief, 'options.html#/goals');
  await options.getByRole('textbox', { name: 'New goal' }).fill(title);
  await options.getByRole('button', { name: 'Add goal' }).click();
  const active = options.getByRole('region', { name: 'Active goals (1)' });
  await active.getByRole('heading', { name: title }).waitFor();
  expect(await active.textContent()).toContain('No progress recorded yet');

  const popup = await openExtensionPage(debrief, 'popup.html');
  await popup.getByRole('button', { name: 'Start a manual check-in' }).click();
  await showMoreNotes(popup);
  const progress = popup.getByRole('radiogroup', { name: `Progress on ${title}`, exact: true });
  await progress.waitFor();
  await progress.getByRole('radio', { name: '7', exact: true }).check();
  await popup.getByLabel(`Note on ${title}`).fill('Turned down the Saturday shift');
  await popup
    .getByRole('radiogroup', { name: OVERALL.name, exact: true })
    .getByRole('radio', { name: '6', exact: true })
    .check();
  await popup.getByRole('button', { name: 'Save check-in' }).click();
  await popup.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();

  await options.reload();
  const entries = options.getByRole('list', { name: `Progress on ${title}, newest first` });
  await entries.waitFor();
  expect(await entries.getByRole('listitem').count()).toBe(1);
  const entry = (await entries.getByRole('listitem').textContent()) ?? '';
  expect(entry).toContain('7/10');
  expect(entry).toContain('Turned down the Saturday shift');
  const goal = options.getByRole('region', { name: 'Active goals (1)' });
  expect(await goal.textContent()).toMatch(/Rated in 1 session · latest 7\/10 on .+ · average 7/);
  await saveScreenshot(options, 'goals-progress');

  // The next check-in asks again, starting blank.
  await popup.reload();
  await popup.getByRole('button', { name: 'Start a manual check-in' }).click();
  await showMoreNotes(popup);
  const again = popup.getByRole('radiogroup', { name: `Progress on ${title}`, exact: true });
  await again.waitFor();
  expect(await again.getByRole('radio', { checked: true }).count()).toBe(0);
  expect(debrief.pageErrors).toEqual([]);
});

test('the printable summary shows averages, trends and the chosen notes, and prints', { timeout: 90_000 }, async ({ debrief }) => {
  const options = await seededOptions(debrief, 'trends', 'No check-ins yet. Trends appear');
  await options.goto(options.url().replace('#/trends', '#/summary'));
  // The last twelve weekly sessions: from the day of the twelfth newest.
  const recent = trendCheckIns.slice(0, 12);
  const fromDay = recent.at(-1)!.sessionStartedAt ?? recent.at(-1)!.createdAt;
  const form = options.getByRole('form', { name: 'What to include' });
  await form.getByLabel('From').fill(fromDay.slice(0, 10));
  await form.getByRole('checkbox', { name: 'Most helpful moment' }).check();
  // Notes of the last six sessions unless asked for more.
  await form.getByRole('combobox', { name: 'Sessions whose notes are printed' }).selectOption({ label: 'My last 12 sessions' });
  const [summary] = await Promise.all([
    debrief.context.waitForEvent('page', { predicate: (page) => page.url().includes('/summary.html') }),
    form.getByRole('button', { name: 'Open printable summary' }).click(),
  ]);
  await summary.getByRole('heading', { name: 'Debrief summary' }).waitFor();
  await summary.getByText(`${recent.length} check-ins`, { exact: false }).first().waitFor();

  const averages = summary.getByRole('region', { name: 'Averages' });
  expect(await averages.getByRole('row').count()).toBe(1 + METRICS.length);
  const overallMean = recent.reduce((sum, c) => sum + c.overall!, 0) / recent.length;
  const shown = await summary.evaluate((n) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(n), overallMean);
  const overallCells = await averages.getByRole('row', { name: /^Overall/ }).getByRole('cell').allTextContents();
  expect(overallCells.slice(0, 2)).toEqual([shown, `${recent.length} sessions`]);

  const trends = summary.getByRole('region', { name: 'Trends' });
  expect(await trends.getByRole('figure').count()).toBe(METRICS.length);
  await expect.poll(() => trends.locator('canvas').count(), { timeout: 10_000 }).toBe(METRICS.length);

  const notes = summary.getByRole('region', { name: 'Notes' });
  expect(await notes.getByRole('article').count()).toBe(recent.length);
  const written = await notes.textContent();
  expect(written).toContain(recent[0]!.notes.helpful);
  // Only the chosen prompt is printed; the others stay private.
  expect(written).not.toContain('One thing to take with me');

  await summary.evaluate(() => {
    const counted = window as Window & { printCalls?: number };
    counted.printCalls = 0;
    window.print = () => void (counted.printCalls = (counted.printCalls ?? 0) + 1);
  });
  await summary.getByRole('button', { name: 'Print' }).click();
  expect(await summary.evaluate(() => (window as Window & { printCalls?: number }).printCalls)).toBe(1);

  // What the printer gets: print stylesheet, charts repainted for paper as the browser does before printing.
  await summary.emulateMedia({ media: 'print', colorScheme: 'light' });
  await summary.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  expect(await summary.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
  await saveScreenshot(summary, 'summary-print');
  expect(debrief.pageErrors).toEqual([]);
});

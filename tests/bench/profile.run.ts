/**
 * `DEBRIEF_BENCH_PROFILE=1 npm run bench`: CPU profiles (CDP Profiler, 100 µs sampling) of the
 * moments the bench times, on an unminified build so functions keep their names. Prints where
 * the time goes: self time by function and by file. Explains a figure; measures nothing itself.
 * DEBRIEF_BENCH_ONLY picks among call, checkin, options, sync.
 */
import type { Page } from 'playwright-core';
import { it } from 'vitest';
import { SIGNS } from '@/utils/checkin/instrument';
import { extensionUrl, openExtensionPage } from '../e2e/harness';
import { launchBench, type BenchBrowser } from './browser';
import { arm, installMarks, markTime } from './marks';
import { seedCheckIns } from './options';
import { cpuProfile, formatHotSpots, hotFiles, hotFunctions, type CpuProfile } from './profile';
import { serveHttps } from './serve';
import { buildExtension } from './sizes';
import { wait } from './stats';
import { openSyncBench, type SyncBenchWindow } from './sync';

const MEET_ROOM = 'https://meet.google.com/abc-mnop-xyz?busy=6000';
const ENTRIES = Number(process.env.DEBRIEF_BENCH_ENTRIES ?? 10_000);
const ONLY = (process.env.DEBRIEF_BENCH_ONLY ?? 'call,checkin,options,sync').split(',');

function report(title: string, profile: CpuProfile, keep?: (url: string) => boolean): void {
  process.stdout.write(`\n${formatHotSpots(`${title}: self time by function`, hotFunctions(profile, keep, 12))}\n`);
  process.stdout.write(`${formatHotSpots(`${title}: self time by file`, hotFiles(profile))}\n`);
}

/** A page already showing `warmUrl`, so the profiled navigation stays in the same renderer process. */
async function warmPage(bench: BenchBrowser, warmUrl: string): Promise<Page> {
  const page = await bench.debrief.context.newPage();
  await page.goto(warmUrl);
  return page;
}

async function profileCallPage(bench: BenchBrowser): Promise<void> {
  const extension = (url: string) => url.startsWith('chrome-extension://');
  const page = await warmPage(bench, `${MEET_ROOM}&warm`);
  const load = await cpuProfile(bench.debrief.context, page, async () => {
    await page.goto(MEET_ROOM);
    await wait(1000);
  });
  report('call page load (Debrief code only)', load, extension);
  await page.evaluate(() => (window as unknown as { call: { start(): Promise<number> } }).call.start());
  await wait(3000);
  const call = await cpuProfile(bench.debrief.context, page, () => wait(30_000));
  report('30 s of a steady call (Debrief code only)', call, extension);
  await page.close();
}

async function profileCheckIn(bench: BenchBrowser): Promise<void> {
  const { debrief } = bench;
  const page = await warmPage(bench, extensionUrl(debrief.extensionId, 'popup.html'));
  await installMarks(page, [
    { name: 'ready', selector: 'button[type="submit"]', pattern: '^Save check-in$', armed: true },
    { name: 'saved', selector: '.status-line', pattern: '^Check-in saved' },
  ]);
  const load = await cpuProfile(debrief.context, page, async () => {
    await page.goto(extensionUrl(debrief.extensionId, 'check-in.html'));
    await markTime(page, 'ready');
  });
  report('check-in page: navigation → form ready', load);
  await page.getByRole('radiogroup', { name: SIGNS[0]!.name }).getByRole('radio', { name: '7', exact: true }).check();
  await arm(page, 'saved');
  const save = await cpuProfile(debrief.context, page, async () => {
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await markTime(page, 'saved');
  });
  report('check-in page: click Save → confirmation', save);
  await page.close();
}

async function profileHistory(bench: BenchBrowser): Promise<void> {
  const { debrief } = bench;
  const seeder = await openExtensionPage(debrief, 'options.html#/history');
  await seeder.locator('.history-count').waitFor();
  await seedCheckIns(seeder, ENTRIES);
  await seeder.close();
  const page = await warmPage(bench, extensionUrl(debrief.extensionId, 'popup.html'));
  await installMarks(page, [
    { name: 'first', selector: 'ul.history-rows > li', armed: true },
    { name: 'search', selector: '.history-count', pattern: ' match$' },
  ]);
  const load = await cpuProfile(debrief.context, page, async () => {
    await page.goto(extensionUrl(debrief.extensionId, 'options.html#/history'));
    await markTime(page, 'first');
  });
  report(`history with ${ENTRIES} check-ins: navigation → first screen`, load);
  await wait(2000);
  await page.getByLabel('Search notes').focus();
  await arm(page, 'search');
  const search = await cpuProfile(debrief.context, page, async () => {
    await page.keyboard.press('z');
    await markTime(page, 'search');
  });
  report(`history with ${ENTRIES} check-ins: keystroke → result`, search);
  await page.close();
}

async function profileTrends(bench: BenchBrowser): Promise<void> {
  const { debrief } = bench;
  // The first visit packs the seeded check-ins by month; a person's visits read the packed months.
  const first = await openExtensionPage(debrief, 'options.html#/trends');
  await first.locator('.uplot canvas').first().waitFor({ timeout: 60_000 });
  await first.close();
  const page = await warmPage(bench, extensionUrl(debrief.extensionId, 'popup.html'));
  await installMarks(page, [{ name: 'charts', selector: '.trend-chart', inViewHolds: '.uplot canvas', armed: true }]);
  const load = await cpuProfile(debrief.context, page, async () => {
    await page.goto(extensionUrl(debrief.extensionId, 'options.html#/trends'));
    await markTime(page, 'charts', 60_000);
  });
  report(`trends with ${ENTRIES} check-ins: navigation → charts in view drawn`, load);
  await page.close();
}

async function profileSync(bench: BenchBrowser): Promise<void> {
  const page = await openSyncBench(bench, { readable: true });
  await page.evaluate((count) => (window as unknown as SyncBenchWindow).bench.prepare(count), ENTRIES);
  for (const step of ['importPlain', 'importEncrypted', 'exportEncrypted'] as const) {
    await page.evaluate(() => (window as unknown as SyncBenchWindow).bench.hold());
    const running = page.evaluate((which) => (window as unknown as SyncBenchWindow).bench[which]().then(({ ms }) => ms), step);
    await page.waitForFunction(() => (window as unknown as SyncBenchWindow).bench.isHeld());
    let ms = 0;
    const profile = await cpuProfile(bench.debrief.context, page, async () => {
      await page.evaluate(() => (window as unknown as SyncBenchWindow).bench.release());
      ms = await running;
    });
    report(`sync ${step}, ${ENTRIES} check-ins (${ms.toFixed(0)} ms)`, profile);
  }
  await page.close();
}

it('profile', async () => {
  const built = buildExtension({ readable: true });
  try {
    const bench = await launchBench(built.extensionDir);
    try {
      await serveHttps(bench.debrief.context);
      if (ONLY.includes('call')) await profileCallPage(bench);
      if (ONLY.includes('checkin')) await profileCheckIn(bench);
      if (ONLY.includes('options')) await profileHistory(bench);
      if (ONLY.includes('options')) await profileTrends(bench);
      if (ONLY.includes('sync')) await profileSync(bench);
    } finally {
      await bench.close();
    }
  } finally {
    built.remove();
  }
});

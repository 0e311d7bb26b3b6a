/**
 * The therapist summary printed with the default choice for 40 check-ins, two active goals and
 * notes still to bring up, on Letter and on A4: the goals and the open items on the first page, the
 * seven charts on page 2: two pages, no more.
 */
import { expect } from 'vitest';
import { wait } from './call-fixture';
import { test } from './fixtures';
import { openExtensionPage, screenshot } from './harness';
import { makeCheckIns, makeGoal, seedRecords } from './records';

const MARGINS = { top: '0.5in', bottom: '0.5in', left: '0.5in', right: '0.5in' };
const GOALS = [makeGoal('goal-sleep', 'Sleep before midnight'), makeGoal('goal-no', 'Say no without apologising')];

/** Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

test('the default summary of 40 check-ins prints goals and open items on page 1, Letter and A4, two pages at most', { timeout: 120_000 }, async ({ debrief }) => {
  const checkIns = makeCheckIns(40).map((checkIn, n) => ({
    ...checkIn,
    goalProgress: n >= 17 ? GOALS.map((goal, g) => ({ goalId: goal.id, rating: (n + g) % 11, note: '' })) : [],
  }));
  await seedRecords(debrief, { checkIns, goals: GOALS });
  const page = await openExtensionPage(debrief, 'summary.html');
  await page.getByRole('heading', { level: 1, name: 'Debrief summary' }).waitFor();
  await expect.poll(() => page.locator('canvas').count(), { timeout: 20_000 }).toBe(7);
  const goals = page.getByRole('region', { name: 'My active goals' });
  const goalLines = await goals.getByRole('listitem').allTextContents();
  expect(goalLines.sort()).toEqual([
    expect.stringMatching(/^Say no without apologising · Rated in 23 sessions · latest/),
    expect.stringMatching(/^Sleep before midnight · Rated in 23 sessions · latest/),
  ]);
  const open = page.getByRole('region', { name: 'What I want to bring up' });
  expect(await open.getByRole('listitem').count()).toBeGreaterThan(0);

  await page.emulateMedia({ media: 'print' });
  for (const format of ['Letter', 'A4'] as const) {
    // Page 1's printable area (CSS px at 96 per inch, half-inch margins): the window is that wide, as when printing from it.
    const pageHeight = (format === 'Letter' ? 11 * 96 : (297 / 25.4) * 96) - 96;
    const pageWidth = (format === 'Letter' ? 8.5 * 96 : (210 / 25.4) * 96) - 96;
    await page.setViewportSize({ width: Math.round(pageWidth), height: Math.round(pageHeight) });
    await wait(500); // the charts redraw at the new width
    const pdf = await page.pdf({ format, printBackground: true, margin: MARGINS, path: `tests/e2e/artifacts/summary-${format}.pdf` });
    const pages = pageCount(pdf);
    console.info(`summary of 40 check-ins on ${format}: ${pages} pages`);
    // Page 1 holds the summary, page 2 the seven charts.
    expect(pages, format).toBeLessThanOrEqual(2);
    for (const section of [goals, open]) {
      const box = (await section.boundingBox())!;
      expect(box.y + box.height, `${format}: ${await section.getAttribute('aria-labelledby')}`).toBeLessThanOrEqual(pageHeight);
    }
  }
  await screenshot(page, 'summary-print-page-1', { fullPage: false });
  await screenshot(page, 'summary-print-all');
});

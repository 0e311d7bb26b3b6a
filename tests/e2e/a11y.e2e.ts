/**
 * Accessibility: axe-core on every page and view a person can reach (the toolbar popup, the
 * check-in window, each options view, a history entry, the printable summary), in light and in
 * dark: no serious or critical violations. One browser, seeded once, serves every case.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeExtension, extensionUrl, launchExtension, openExtensionPage, screenshot, showMoreNotes, type Debrief } from './harness';
import { PROJECT_ROOT } from './paths';
import { makeCheckIns, makeGoal, makePendingSession, seedRecords } from './records';

/** The options views, read from the route table itself so a new view is checked without editing this file. */
const OPTIONS_VIEWS = [...readFileSync(`${PROJECT_ROOT}/entrypoints/options/routes.ts`, 'utf8').matchAll(/\{\s*path:\s*'([\w-]+)'/g)].map(
  (match) => match[1]!,
);

const PENDING = 'e2e-pending-session';
const checkIns = makeCheckIns(8);
const detailed = checkIns[5]!;

interface Screen {
  name: string;
  path: string;
  /** Brings the page into the state to check, once it has loaded. */
  prepare?(page: Page): Promise<void>;
}

const formOpen = async (page: Page) => {
  await page.getByRole('button', { name: 'Start a manual check-in' }).click();
  await page.getByRole('button', { name: 'Save check-in' }).waitFor();
};
const formShown = (page: Page) => page.getByRole('button', { name: 'Save check-in' }).waitFor();

const SCREENS: Screen[] = [
  { name: 'toolbar popup', path: 'popup.html', prepare: (page) => page.getByRole('button', { name: 'Start a manual check-in' }).waitFor() },
  { name: 'toolbar popup with the check-in open', path: 'popup.html', prepare: formOpen },
  { name: 'check-in window, manual', path: 'check-in.html', prepare: formShown },
  {
    name: 'check-in window after a session',
    path: `check-in.html?session=${PENDING}`,
    prepare: (page) => page.getByRole('button', { name: 'Remind me later' }).waitFor(),
  },
  {
    name: 'check-in window after a session, more notes and details open',
    path: `check-in.html?session=${PENDING}`,
    prepare: async (page) => {
      await showMoreNotes(page);
      await page.getByLabel('Most helpful moment').waitFor();
    },
  },
  {
    name: 'check-in window after a session, a rating chosen (Clear shown)',
    path: `check-in.html?session=${PENDING}`,
    prepare: async (page) => {
      await page.getByRole('radiogroup', { name: 'Overall', exact: true }).getByRole('radio', { name: '7', exact: true }).check();
      await page.getByRole('button', { name: 'Clear Overall' }).waitFor();
    },
  },
  {
    name: 'check-in window after Remind me later',
    path: `check-in.html?session=${PENDING}`,
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Remind me later' }).click();
      await page.getByRole('status').filter({ hasText: 'I’ll ask again at' }).waitFor();
    },
  },
  {
    name: 'check-in window showing an error',
    path: 'check-in.html',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await page.getByRole('alert').waitFor();
    },
  },
  {
    name: 'check-in window, saved',
    path: 'check-in.html',
    prepare: async (page) => {
      await page.getByRole('radiogroup').first().getByRole('radio', { name: '6', exact: true }).check();
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await page.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();
    },
  },
  {
    name: 'follow-up reflection',
    path: `check-in.html?reflect=${checkIns[7]!.id}`,
    prepare: (page) => page.getByRole('radiogroup').first().waitFor(),
  },
  ...OPTIONS_VIEWS.map((view) => ({
    name: `options: ${view}`,
    path: `options.html#/${view}`,
    // Each view has loaded when its own content (beyond the heading) is on screen and not busy.
    prepare: async (page: Page) => {
      await page.locator('main h2 + *').first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
    },
  })),
  {
    name: 'history entry',
    path: `options.html#/history/${detailed.id}`,
    prepare: (page) => page.getByRole('button', { name: 'Edit' }).waitFor(),
  },
  {
    name: 'history entry, editing',
    path: `options.html#/history/${detailed.id}`,
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByRole('radiogroup').first().waitFor();
    },
  },
  { name: 'printable summary', path: 'summary.html', prepare: (page) => page.getByRole('heading', { level: 1 }).waitFor() },
];

let debrief: Debrief;
let page: Page | undefined;

beforeAll(async () => {
  debrief = await launchExtension();
  await seedRecords(debrief, {
    checkIns,
    sessions: [makePendingSession(PENDING)],
    goals: [makeGoal('e2e-goal', 'Say no without apologising')],
  });
});

afterEach(async ({ task }) => {
  if (page && task.result?.state === 'fail') await screenshot(page, `failed-a11y-${task.name}`).catch(() => undefined);
  await page?.close();
  page = undefined;
});

afterAll(async () => {
  await closeExtension(debrief);
});

/** axe's serious and critical findings, one line each with where and how to fix. */
async function seriousViolations(target: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: target }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.join(' '));
      const more = targets.length > 5 ? ` and ${targets.length - 5} more` : '';
      return `${violation.id} (${violation.impact}): ${violation.help} — ${targets.slice(0, 5).join(', ')}${more}\n    ${violation.helpUrl}`;
    });
}

it('the options views checked are the ones in its navigation', async () => {
  page = await openExtensionPage(debrief, 'options.html');
  const links = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
  await links.first().waitFor();
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(OPTIONS_VIEWS.map((view) => `#/${view}`));
});

describe.each(['light', 'dark'] as const)('%s', (colorScheme) => {
  it.each(SCREENS)('$name has no serious or critical violations', async ({ path, prepare }) => {
    page = await debrief.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(extensionUrl(debrief.extensionId, path));
    await prepare?.(page);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    const found = await seriousViolations(page);
    expect(found, `axe on ${path} (${colorScheme}):\n  ${found.join('\n  ')}`).toEqual([]);
  });
});

/**
 * Keyboard only: a check-in from the page's first focus to "Check-in saved" with Tab, digits,
 * arrow keys, typing and Ctrl+Enter, no mouse. At each step the test reads what Chromium exposes to a
 * screen reader (its accessibility tree, through CDP) for the focused element: a rating is
 * a radio named with its value, checked, inside a radio group named with the sign.
 */
import type { CDPSession, Page } from 'playwright-core';
import { expect } from 'vitest';
import { test } from './fixtures';
import { extensionUrl, openExtensionPage } from './harness';
import { readStore } from './page-db';
import { makeGoal, makePendingSession, seedRecords } from './records';
import type { CheckIn, Session } from '../../utils/db/schema';
import { radioName } from '../support/rating-names';

/** What a screen reader is told about the focused element. */
interface Announced {
  role: string;
  name: string;
  checked?: string;
  /** The nearest radio group around it, if any. */
  group?: { name: string; description: string };
}

interface AXValue {
  value?: unknown;
}
interface AXNode {
  nodeId: string;
  parentId?: string;
  ignored: boolean;
  role?: AXValue;
  name?: AXValue;
  description?: AXValue;
  properties?: { name: string; value: AXValue }[];
}

const text = (value: AXValue | undefined) => String(value?.value ?? '');
const property = (node: AXNode, name: string) => node.properties?.find((p) => p.name === name)?.value.value;

/** Reads Chromium's accessibility tree for the focused element and its radio group. */
async function announced(cdp: CDPSession): Promise<Announced> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const focused = nodes.filter((node) => property(node, 'focused') === true && text(node.role) !== 'RootWebArea').at(-1);
  if (!focused) return { role: 'none', name: '' };
  const result: Announced = { role: text(focused.role), name: text(focused.name) };
  const checked = property(focused, 'checked');
  if (checked !== undefined) result.checked = String(checked);
  for (let up = byId.get(focused.parentId ?? ''); up; up = byId.get(up.parentId ?? '')) {
    if (text(up.role) === 'radiogroup') {
      result.group = { name: text(up.name), description: text(up.description) };
      break;
    }
  }
  return result;
}

/** Presses Tab until the focused element is `role` named `name`, failing after `max` presses. */
async function tabTo(page: Page, cdp: CDPSession, role: string, name: string, max = 4): Promise<Announced> {
  const passed: string[] = [];
  for (let press = 0; press < max; press++) {
    await page.keyboard.press('Tab');
    const now = await announced(cdp);
    if (now.role === role && now.name === name) return now;
    passed.push(`${now.role} "${now.name}"`);
  }
  throw new Error(`${max} Tab presses did not reach ${role} "${name}"; focus went to: ${passed.join(', ')}`);
}

/** Counts every pointer event the page sees, to prove the run used none. */
async function countPointer(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const counter = window as unknown as { pointerEvents: number };
    counter.pointerEvents = 0;
    const count = () => counter.pointerEvents++;
    addEventListener('pointerdown', count, true);
    addEventListener('mousedown', count, true);
    // Enter on a button fires a click too, with detail 0; a mouse click has detail ≥ 1.
    addEventListener('click', (event) => event.detail > 0 && count(), true);
  });
  return () => page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents);
}

/** The scales in the order the form asks them (English wording), each with the keys that rate it. */
const RATINGS: [string, number, string[]][] = [
  ['Overall', 8, ['8']],
  ['Emotional release', 6, ['6']],
  ['Self-awareness', 7, ['7']],
  ['Trust and rapport', 9, ['9']],
  ['Goals and progress', 5, ['5']],
  ['Coping', 10, ['1', '0']], // 10 is "1" then "0"
  ['Reflection', 3, ['3']],
];

/** Keys pressed, besides the characters of notes: what the issue counts. */
class Presses {
  count = 0;
  constructor(readonly page: Page) {}
  async press(key: string): Promise<void> {
    this.count++;
    await this.page.keyboard.press(key);
  }
  /** Tab until focus is `role` named `name`, at most `max` presses. */
  async tabTo(cdp: CDPSession, role: string, name: string, max = 4): Promise<Announced> {
    const passed: string[] = [];
    for (let press = 0; press < max; press++) {
      await this.press('Tab');
      const now = await announced(cdp);
      if (now.role === role && now.name === name) return now;
      passed.push(`${now.role} "${now.name}"`);
    }
    throw new Error(`${max} Tab presses did not reach ${role} "${name}"; focus went to: ${passed.join(', ')}`);
  }
}

/** Types the digits for each scale in turn; each rates the focused scale and moves focus to the next. */
async function rateByDigits(presses: Presses, cdp: CDPSession, ratings: typeof RATINGS, after: { role: string; name: string }): Promise<void> {
  for (const [index, [sign, value, keys]] of ratings.entries()) {
    const here = await announced(cdp);
    expect(here.group?.name).toBe(sign);
    // The question is read with the group, so the number is heard in context.
    expect(here.group?.description.length).toBeGreaterThan(10);
    // …and both ends with their words.
    expect(here.group?.description).toContain(radioName(sign, 0));
    expect(here.group?.description).toContain(radioName(sign, 10));
    for (const key of keys) await presses.press(key);
    const next = ratings[index + 1];
    if (next) await expect.poll(async () => (await announced(cdp)).group?.name).toBe(next[0]);
    else await expect.poll(async () => announced(cdp)).toMatchObject(after);
    // The choice stands on the scale just left.
    const rated = presses.page.getByRole('radiogroup', { name: sign, exact: true }).getByRole('radio', { name: radioName(sign, value), exact: true });
    expect(await rated.isChecked()).toBe(true);
  }
}

test('a check-in after a session by keyboard alone: 7 ratings, a note and save in at most 12 key presses besides the note', async ({ debrief }) => {
  await seedRecords(debrief, { sessions: [makePendingSession('kb-session')] });
  const page = await debrief.context.newPage();
  await page.goto(extensionUrl(debrief.extensionId, 'check-in.html?session=kb-session'));
  await page.getByRole('button', { name: 'Save check-in' }).waitFor();
  const pointer = await countPointer(page);
  const cdp = await debrief.context.newCDPSession(page);
  const presses = new Presses(page);

  // The ways out come first, then the first scale; no "Clear" stands in the way before a rating.
  await presses.tabTo(cdp, 'button', 'Remind me later', 1);
  await presses.tabTo(cdp, 'button', 'Not a therapy session', 1);
  const entered = await presses.tabTo(cdp, 'radio', '0, Not productive', 1);
  expect(entered).toMatchObject({ checked: 'false', group: { name: 'Overall' } });
  await rateByDigits(presses, cdp, RATINGS, { role: 'textbox', name: 'To bring up next time' });
  await page.keyboard.type('The argument with my sister');
  await presses.press('Control+Enter');

  await page.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();
  console.log(`keyboard check-in: ${presses.count} key presses besides the note`);
  expect(presses.count).toBeLessThanOrEqual(12);
  // The form is gone; focus lands on Close, the next step, rather than on the page body.
  await expect.poll(async () => announced(cdp)).toMatchObject({ role: 'button', name: 'Close' });
  expect(await pointer()).toBe(0);

  const reader = await openExtensionPage(debrief, 'popup.html');
  const [checkIn] = await readStore<CheckIn>(reader, 'checkIns');
  expect(checkIn).toMatchObject({
    sessionId: 'kb-session',
    ratings: { relief: 6, insight: 7, trust: 9, goals: 5, resilience: 10, integration: 3 },
    overall: 8,
    notes: { nextTime: 'The argument with my sister' },
  });
  const [session] = await readStore<Session>(reader, 'sessions');
  expect(session?.status).toBe('answered');
});

test('in the toolbar popup: Enter starts a manual check-in, arrows and Tab still work, goals behind "More", Ctrl+Enter saves', async ({ debrief }) => {
  await seedRecords(debrief, { goals: [makeGoal('kb-goal', 'Say no without apologising')] });
  const page = await debrief.context.newPage();
  await page.goto(extensionUrl(debrief.extensionId, 'popup.html'));
  await page.getByRole('button', { name: 'Start a manual check-in' }).waitFor();
  const pointer = await countPointer(page);
  const cdp = await debrief.context.newCDPSession(page);

  await tabTo(page, cdp, 'button', 'Start a manual check-in', 3);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Save check-in' }).waitFor();
  // Focus was on the button the form replaced; Tab enters the form at its first scale (past "Back" at most).
  const overall = await tabTo(page, cdp, 'radio', '0, Not productive', 2);
  expect(overall.group?.name).toBe('Overall');
  // Arrow keys still move and check (Left wraps from 0 to 10).
  await page.keyboard.press('ArrowLeft');
  expect(await announced(cdp)).toMatchObject({ role: 'radio', name: '10, Very productive', checked: 'true', group: { name: 'Overall' } });
  // Tab leaves a scale without rating the next one: Emotional release is skipped, Self-awareness gets a digit.
  const release = await tabTo(page, cdp, 'radio', '0, No lighter', 1);
  expect(release.group?.name).toBe('Emotional release');
  await tabTo(page, cdp, 'radio', '0, Nothing new', 1);
  await page.keyboard.press('4');
  expect((await announced(cdp)).group?.name).toBe('Trust and rapport');
  await tabTo(page, cdp, 'textbox', 'To bring up next time', 5);
  const more = await tabTo(page, cdp, 'DisclosureTriangle', 'More notes, goals, therapist and tags', 1);
  expect(more.name).toBe('More notes, goals, therapist and tags');
  await page.keyboard.press('Enter');
  const goal = await tabTo(page, cdp, 'radio', '0, Not at all', 4);
  expect(goal.group?.name).toBe('Progress on Say no without apologising');
  for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowRight');
  expect(await announced(cdp)).toMatchObject({ role: 'radio', name: '4', checked: 'true', group: { name: 'Progress on Say no without apologising' } });
  await page.keyboard.press('Control+Enter');

  await page.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();
  await page.getByRole('status').filter({ hasText: '1 check-in stored' }).waitFor();
  expect(await pointer()).toBe(0);
  const [checkIn] = await readStore<CheckIn>(page, 'checkIns');
  expect(checkIn).toMatchObject({ overall: 10, ratings: { relief: null, insight: 4 }, goalProgress: [{ goalId: 'kb-goal', rating: 4 }] });
});

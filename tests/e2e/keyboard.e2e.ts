/**
 * Keyboard only: a check-in from the page's first focus to "Check-in saved" with Tab, arrow
 * keys, typing and Enter, no mouse. At each step the test reads what Chromium exposes to a
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

/** The sign names in the order the form asks them (English wording). */
const RATINGS: [string, number | null][] = [
  ['Emotional release', 6],
  ['Self-awareness', 7],
  ['Trust and rapport', 9],
  ['Goals and progress', 5],
  ['Coping', 0],
  ['Reflection', null], // skipped: Tab passes it by
  ['Overall', 8],
];

/** Rates the sign whose group has focus's next Tab stop, and checks what is announced. */
async function rateByKeyboard(page: Page, cdp: CDPSession, sign: string, value: number | null, tabs = 1): Promise<void> {
  const entered = await tabTo(page, cdp, 'radio', '0', tabs);
  expect(entered.group?.name).toBe(sign);
  expect(entered.checked).toBe('false');
  if (value !== null) {
    // Arrow keys move and check; Space checks the first one.
    if (value === 0) await page.keyboard.press('Space');
    for (let step = 0; step < value; step++) await page.keyboard.press('ArrowRight');
    const rated = await announced(cdp);
    expect(rated).toMatchObject({ role: 'radio', name: String(value), checked: 'true', group: { name: sign } });
    // The question is read with the group, so "7" is heard in context.
    expect(rated.group?.description.length).toBeGreaterThan(10);
  }
  // Each scale has its own Clear button: the next Tab stop, then on to the next scale.
  await tabTo(page, cdp, 'button', `Clear ${sign}`, 1);
}

test('a check-in after a session, from the first focus to saved, by keyboard alone', async ({ debrief }) => {
  await seedRecords(debrief, { sessions: [makePendingSession('kb-session')] });
  const page = await debrief.context.newPage();
  await page.goto(extensionUrl(debrief.extensionId, 'check-in.html?session=kb-session'));
  await page.getByRole('button', { name: 'Save check-in' }).waitFor();
  const pointer = await countPointer(page);
  const cdp = await debrief.context.newCDPSession(page);

  // From the page's first focus, a few Tab stops at most (the session's own actions come later).
  for (const [index, [sign, value]] of RATINGS.entries()) await rateByKeyboard(page, cdp, sign, value, index === 0 ? 3 : 1);
  await tabTo(page, cdp, 'textbox', 'Most helpful moment', 1);
  await page.keyboard.type('Naming the pattern behind my Sunday dread');
  await tabTo(page, cdp, 'textbox', 'To bring up next time', 3);
  await page.keyboard.type('The argument with my sister');
  await tabTo(page, cdp, 'button', 'Save check-in', 4);
  await page.keyboard.press('Enter');

  await page.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();
  // The form is gone; focus lands on Close, the next step, rather than on the page body.
  await expect.poll(async () => announced(cdp)).toMatchObject({ role: 'button', name: 'Close' });
  expect(await pointer()).toBe(0);

  const reader = await openExtensionPage(debrief, 'popup.html');
  const [checkIn] = await readStore<CheckIn>(reader, 'checkIns');
  expect(checkIn).toMatchObject({
    sessionId: 'kb-session',
    ratings: { relief: 6, insight: 7, trust: 9, goals: 5, resilience: 0, integration: null },
    overall: 8,
    notes: { helpful: 'Naming the pattern behind my Sunday dread', nextTime: 'The argument with my sister' },
  });
  const [session] = await readStore<Session>(reader, 'sessions');
  expect(session?.status).toBe('answered');
});

test('in the toolbar popup: Enter opens the check-in, Ctrl+Enter saves it, goals included', async ({ debrief }) => {
  await seedRecords(debrief, { goals: [makeGoal('kb-goal', 'Say no without apologising')] });
  const page = await debrief.context.newPage();
  await page.goto(extensionUrl(debrief.extensionId, 'popup.html'));
  await page.getByRole('button', { name: 'Check in now' }).waitFor();
  const pointer = await countPointer(page);
  const cdp = await debrief.context.newCDPSession(page);

  await tabTo(page, cdp, 'button', 'Check in now', 3);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Save check-in' }).waitFor();
  // Focus was on the button the form replaced; the next Tab enters the form at its first scale.
  for (const [index, [sign, value]] of RATINGS.entries()) await rateByKeyboard(page, cdp, sign, value, index === 0 ? 3 : 1);
  const goal = await tabTo(page, cdp, 'radio', '0', 1);
  expect(goal.group?.name).toBe('Progress on Say no without apologising');
  for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowRight');
  expect(await announced(cdp)).toMatchObject({ role: 'radio', name: '4', checked: 'true', group: { name: 'Progress on Say no without apologising' } });
  await tabTo(page, cdp, 'textbox', 'One thing to take with me', 6);
  await page.keyboard.type('Breathe out longer than in');
  await page.keyboard.press('Control+Enter');

  await page.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();
  await page.getByRole('status').filter({ hasText: '1 check-in stored' }).waitFor();
  expect(await pointer()).toBe(0);
  const [checkIn] = await readStore<CheckIn>(page, 'checkIns');
  expect(checkIn).toMatchObject({ overall: 8, goalProgress: [{ goalId: 'kb-goal', rating: 4 }], notes: { takeaway: 'Breathe out longer than in' } });
});

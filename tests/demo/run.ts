/**
 * `npm run demo`: builds Debrief, opens Chromium with it, plays a short video session at a real
 * Doxy.me room URL (a local fixture page, no network; Chromium's fake camera) and ends it, so you
 * watch the check-in appear. With a display it runs headed and waits for you to close the browser;
 * without one it runs headless. Either way it saves a screenshot of each step in demo-screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { doxyMe, doxyMeExamples } from '../../utils/sites/platforms/doxy-me';
import { CALL_PAGE, CallPage, wait } from '../e2e/call-fixture';
import { CheckInWindows, setMinSessionMinutes } from '../e2e/debrief-state';
import { closeExtension, launchExtension, routeFixture } from '../e2e/harness';
import { PROJECT_ROOT } from '../e2e/paths';

const ROOM = doxyMeExamples.testUrls.rooms[0] as string;
const SESSION_SECONDS = 6;
/** The size of the popup window the background opens (utils/session/check-in-window.ts). */
const CHECK_IN_WINDOW = { width: 440, height: 680 };
const SCREENSHOTS = join(PROJECT_ROOT, 'demo-screenshots');
const headless = process.env.DEBRIEF_HEADLESS === '1' || !process.env.DISPLAY;

let step = 0;
function say(message: string): void {
  console.log(`[demo] ${message}`);
}

async function snap(page: Page, name: string): Promise<void> {
  const path = join(SCREENSHOTS, `${++step}-${name}.png`);
  await page.screenshot({ path });
  say(`  screenshot: ${path}`);
}

async function main(): Promise<void> {
  say('Building the extension (wxt build → .output/chrome-mv3)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });

  say(`Opening Chromium ${headless ? 'headless (no $DISPLAY)' : 'on your display'} with Debrief loaded, in a fresh profile…`);
  const debrief = await launchExtension({ headless });
  try {
    say('Setting "Minimum session length" to 0 minutes for this demo profile, so a short call counts.');
    await setMinSessionMinutes(debrief, 0);
    const checkIns = new CheckInWindows(debrief.context);

    say(`Serving a stand-in video room locally at the real Doxy.me room URL ${ROOM} (nothing goes to the network).`);
    await routeFixture(debrief.context, ROOM, CALL_PAGE);
    const call = await CallPage.open(debrief.context, ROOM);
    await call.preview();
    say('In the waiting room: the camera preview is on, no call yet. Debrief waits (a preview is not a session).');
    await snap(call.page, 'waiting-room');

    say('The therapist joins: a real WebRTC call connects (fake camera and microphone).');
    await call.start();
    say('Debrief sees a connected call with a live camera: a session is in progress.');
    for (let second = 1; second <= SESSION_SECONDS; second++) {
      await wait(1000);
      if (second % 2 === 0) say(`  session running… ${second} s`);
      if (second === 2) await snap(call.page, 'in-session');
    }

    say('The session ends: the call is hung up.');
    const mark = checkIns.mark();
    const endedAt = await call.end();
    await snap(call.page, 'call-ended');

    const window = await checkIns.next(mark);
    const header = window.page.locator('.session-header');
    await header.getByText(doxyMe.name, { exact: true }).waitFor();
    say(`The check-in window opened ${Date.now() - endedAt} ms after the call ended: "${(await header.textContent())?.trim()}".`);
    await window.page.bringToFront();
    // Playwright gives every page a 1280×720 viewport; show the window at the size Debrief opens it.
    await window.page.setViewportSize(CHECK_IN_WINDOW);
    await snap(window.page, 'check-in');

    if (headless) {
      say(`Done. Screenshots of each step are in ${SCREENSHOTS}/`);
    } else {
      say('Fill in the check-in if you like. Close the browser to finish.');
      await new Promise<void>((resolve) => debrief.context.once('close', () => resolve()));
    }
  } finally {
    await closeExtension(debrief).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error('[demo] failed:', error);
  process.exitCode = 1;
});

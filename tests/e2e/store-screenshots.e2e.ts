/**
 * Store screenshots (Chrome Web Store and addons.mozilla.org take 1280×800): the check-in after a
 * session, the history with a few weeks of entries, and trends, written to
 * tests/e2e/artifacts/store/ by the real extension with seeded data.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeExtension, extensionUrl, launchExtension, type Debrief } from './harness';
import { ARTIFACTS_DIR } from './paths';
import { makeCheckIns, makeGoal, makePendingSession, seedRecords } from './records';

const STORE_DIR = join(ARTIFACTS_DIR, 'store');
const WIDTH = 1280;
const HEIGHT = 800;
/** The check-in window's own size (utils/session/check-in-window.ts). */
const CHECK_IN_WINDOW = { width: 440, height: 680 };
const SESSION = 'store-session';

let debrief: Debrief;

beforeAll(async () => {
  mkdirSync(STORE_DIR, { recursive: true });
  debrief = await launchExtension();
  await seedRecords(debrief, {
    checkIns: makeCheckIns(10),
    sessions: [makePendingSession(SESSION, 'doxy-me', 'doxy.me', 2 * 60_000)],
    goals: [makeGoal('store-goal', 'Say no without apologising')],
  });
});

afterAll(async () => {
  await closeExtension(debrief);
});

/** Width and height from a PNG's header, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function storePage(path: string, size = { width: WIDTH, height: HEIGHT }): Promise<Page> {
  const page = await debrief.context.newPage();
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(extensionUrl(debrief.extensionId, path));
  return page;
}

async function save(page: Page, name: string): Promise<string> {
  const path = join(STORE_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false, animations: 'disabled', caret: 'hide' });
  return path;
}

/**
 * The check-in is a small window; on a 1280×800 store image it sits, at its real size, beside
 * one plain sentence. The frame is local HTML with the screenshot inlined: nothing is fetched.
 */
async function framed(window: Buffer, caption: string, detail: string): Promise<Page> {
  const page = await debrief.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await page.setContent(`<!doctype html><html lang="en"><body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;display:flex;align-items:center;justify-content:center;gap:72px;background:#eef2fb;font:18px/1.5 system-ui,sans-serif;color:#1c1f23">
    <div style="max-width:460px"><h1 style="font-size:38px;line-height:1.2;margin:0 0 16px">${caption}</h1><p style="margin:0;color:#3d434b">${detail}</p></div>
    <img alt="" src="data:image/png;base64,${window.toString('base64')}" style="width:${CHECK_IN_WINDOW.width}px;height:${CHECK_IN_WINDOW.height}px;border-radius:10px;box-shadow:0 12px 40px rgba(20,40,90,.25)">
  </body></html>`);
  return page;
}

it.each([
  {
    name: '1-check-in',
    shoot: async () => {
      const window = await storePage(`check-in.html?session=${SESSION}`, CHECK_IN_WINDOW);
      const rate = (sign: string, value: number) =>
        window.getByRole('radiogroup', { name: sign, exact: true }).getByRole('radio', { name: String(value), exact: true }).check();
      await rate('Emotional release', 7);
      await rate('Self-awareness', 8);
      await rate('Trust and rapport', 9);
      const shot = await window.screenshot({ animations: 'disabled', caret: 'hide' });
      await window.close();
      return framed(shot, 'A minute to check in, right after your session', 'When a video session ends, Debrief asks how it went. Every question is optional, and your answers stay on this computer.');
    },
  },
  {
    name: '2-history',
    shoot: async () => {
      const page = await storePage('options.html#/history');
      await page.getByRole('list', { name: 'Check-ins' }).getByRole('link').nth(5).waitFor();
      return page;
    },
  },
  {
    name: '3-trends',
    shoot: async () => {
      const page = await storePage('options.html#/trends');
      await page.locator('canvas').first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
      return page;
    },
  },
])('$name is a 1280×800 PNG in artifacts/store', async ({ name, shoot }) => {
  const page = await shoot();
  const path = await save(page, name);
  await page.close();
  const bytes = readFileSync(path);
  expect(bytes.length).toBeGreaterThan(10_000); // a real picture, not a blank page
  expect(pngSize(bytes)).toEqual({ width: WIDTH, height: HEIGHT });
});

it('the PNG check tells a wrong size or a non-PNG apart', () => {
  const header = (width: number, height: number) => {
    const bytes = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
    bytes.write('IHDR', 12, 'ascii');
    bytes.writeUInt32BE(width, 16);
    bytes.writeUInt32BE(height, 20);
    return bytes;
  };
  expect(pngSize(header(1280, 800))).toEqual({ width: 1280, height: 800 });
  expect(pngSize(header(640, 400))).toEqual({ width: 640, height: 400 });
  expect(pngSize(Buffer.from('<!doctype html><html></html>'))).toBeNull();
});

/**
 * The check-in window at the 440×600 it has inside, in English and Spanish, light and dark: the
 * question and anchor words are big enough to read, the number targets big enough to hit, the
 * ends of each scale say what they mean to a screen reader, four scales fit the first screen and
 * the sticky Save bar covers nothing once scrolled to the bottom. axe finds nothing serious.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingName, SIGN_IDS } from '../../utils/checkin/instrument';
import { closeExtension, extensionUrl, launchExtension, screenshot, type Debrief } from './harness';
import { PROJECT_ROOT } from './paths';
import { makePendingSession, seedRecords } from './records';

const FIRST_SCREEN = { width: 440, height: 600 };
const PENDING = 'e2e-readable-session';

interface ScaleWords {
  name: string;
  question: string;
  low: string;
  high: string;
}
interface Locale {
  signs: Record<string, ScaleWords>;
  checkIn: { save: string };
}
const words = (lang: string) => JSON.parse(readFileSync(`${PROJECT_ROOT}/utils/i18n/locales/${lang}.json`, 'utf8')) as Locale;

/** The visible scales in form order, each with its words and its radios' boxes and names' sources. */
async function measure(page: Page) {
  return page.getByRole('radiogroup').evaluateAll((groups) =>
    groups
      .filter((group) => group.getClientRects().length > 0)
      .map((group) => {
        const box = (element: Element) => element.getBoundingClientRect().toJSON() as DOMRect;
        const text = (ids: string) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
        const anchors = [...group.querySelectorAll('.rating-anchors span')];
        return {
          name: text(group.getAttribute('aria-labelledby') ?? ''),
          description: text(group.getAttribute('aria-describedby') ?? ''),
          questionPx: parseFloat(getComputedStyle(group.querySelector('.rating-question')!).fontSize),
          anchorPx: anchors.map((anchor) => parseFloat(getComputedStyle(anchor).fontSize)),
          targets: [...group.querySelectorAll('input[type=radio]')].map((radio) => box(radio)),
          bottom: box(group).bottom,
        };
      }),
  );
}

describe.each(['en', 'es'])('the check-in window in %s', (lang) => {
  const colorScheme = 'light';
  const locale = words(lang);
  const overall = locale.signs.overall!;
  let debrief: Debrief;
  let page: Page;

  beforeAll(async () => {
    debrief = await launchExtension({ lang });
    await seedRecords(debrief, { sessions: [makePendingSession(PENDING)] });
    page = await debrief.context.newPage();
    await page.setViewportSize(FIRST_SCREEN);
    await page.emulateMedia({ colorScheme });
    await page.goto(extensionUrl(debrief.extensionId, `check-in.html?session=${PENDING}`));
    await page.getByRole('button', { name: locale.checkIn.save }).waitFor();
  });

  afterAll(async () => {
    await closeExtension(debrief);
  });

  it('reads the ends of every scale with their anchor words, the middle as numbers, and describes both ends', async () => {
    const group = page.getByRole('radiogroup', { name: overall.name, exact: true });
    for (let value = 0; value <= 10; value++) {
      const name = ratingName(value, overall.low, overall.high);
      expect(await group.getByRole('radio', { name, exact: true }).count(), `radio “${name}”`).toBe(1);
    }
    expect(await group.getByRole('radio', { name: '0', exact: true }).count()).toBe(0);
    for (const id of SIGN_IDS) {
      const sign = locale.signs[id]!;
      const scale = page.getByRole('radiogroup', { name: sign.name, exact: true });
      expect(await scale.getByRole('radio', { name: `0, ${sign.low}`, exact: true }).count(), sign.name).toBe(1);
      expect(await scale.getByRole('radio', { name: `10, ${sign.high}`, exact: true }).count(), sign.name).toBe(1);
    }
    const [first] = await measure(page);
    expect(first!.description).toContain(overall.question);
    expect(first!.description).toContain(`0, ${overall.low}`);
    expect(first!.description).toContain(`10, ${overall.high}`);
  });

  it('shows questions at 14 px or more, anchor words at 13 px or more, number targets of 36×32 px or more in one row', async () => {
    const scales = await measure(page);
    expect(scales.length).toBe(1 + SIGN_IDS.length);
    for (const scale of scales) {
      expect(scale.questionPx, scale.name).toBeGreaterThanOrEqual(14);
      expect(Math.min(...scale.anchorPx), scale.name).toBeGreaterThanOrEqual(13);
      for (const target of scale.targets) {
        expect(target.width, `${scale.name} target width`).toBeGreaterThanOrEqual(36);
        expect(target.height, `${scale.name} target height`).toBeGreaterThanOrEqual(32);
        expect(target.top, `${scale.name}: one row`).toBe(scale.targets[0]!.top);
      }
    }
    const sizes = scales[0]!;
    console.log(
      `${lang} ${colorScheme}: question ${sizes.questionPx} px, anchors ${sizes.anchorPx[0]} px, target ${sizes.targets[0]!.width.toFixed(1)}×${sizes.targets[0]!.height} px`,
    );
  });

  it('holds four whole scales on the first screen, and the Save bar hides nothing when scrolled to the bottom', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    const saveTop = async () => (await page.getByRole('button', { name: locale.checkIn.save }).evaluate((button) => button.parentElement!.getBoundingClientRect().top));
    const barTop = await saveTop();
    const whole = (await measure(page)).filter((scale) => scale.bottom <= barTop).length;
    console.log(`${lang} ${colorScheme}: ${whole} whole scales above the Save bar at 440×600`);
    expect(whole).toBeGreaterThanOrEqual(4);

    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const last = page.getByRole('radiogroup').filter({ visible: true }).last();
    const anchors = last.locator('.rating-anchors span');
    expect(await anchors.count()).toBe(2);
    for (const anchor of await anchors.all()) {
      const seen = await anchor.evaluate((span) => {
        const box = span.getBoundingClientRect();
        return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === span && box.bottom <= innerHeight;
      });
      expect(seen, `“${await anchor.textContent()}” is hidden at the bottom`).toBe(true);
    }
    await screenshot(page, `checkin-readable-${lang}-${colorScheme}-bottom`, { fullPage: false });
  });

  it('scrolls a scale reached by keyboard clear of the Save bar, its anchor words in sight', async () => {
    const scales = page.getByRole('radiogroup').filter({ visible: true });
    const count = await scales.count();
    for (let index = 0; index < count; index++) {
      await page.evaluate(() => scrollTo(0, 0));
      const scale = scales.nth(index);
      await scale.getByRole('radio').first().focus();
      const hidden = await scale.locator('.rating-anchors span').evaluateAll((spans) =>
        spans
          .filter((span) => {
            const box = span.getBoundingClientRect();
            return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) !== span;
          })
          .map((span) => span.textContent),
      );
      expect(hidden, `scale ${index + 1}: anchors under the Save bar`).toEqual([]);
    }
  });

  it.each(['light', 'dark'] as const)('has no serious or critical axe violations in %s', async (scheme) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => scrollTo(0, 0));
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    const { violations } = await new AxeBuilder({ page }).analyze();
    const found = violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(found).toEqual([]);
    await screenshot(page, `checkin-readable-${lang}-${scheme}`, { fullPage: false });
  });
});

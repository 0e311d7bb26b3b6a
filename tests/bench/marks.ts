/**
 * Timing from inside a page: an init script watches the document and records, on the page's own
 * clock (performance.now(), 0 = navigation start), when a named condition first holds and when
 * that frame has been drawn. Input events are time-stamped as the page received them.
 */
import type { Page } from 'playwright-core';

export interface MarkSpec {
  name: string;
  /** CSS selector that must match… */
  selector: string;
  /** …at least this many elements (default 1)… */
  count?: number;
  /** …and, if given, the first match's trimmed text must match this regular expression (source). */
  pattern?: string;
  /**
   * If given, only the matches in the viewport count, at least one, and each must hold an element
   * matching this selector: what a person sees drawn without scrolling.
   */
  inViewHolds?: string;
  /** Watched from the start of the page; otherwise only after `arm`. */
  armed?: boolean;
}

/** When a mark's condition was first seen in the DOM and when the frame showing it was done. */
export interface MarkTime {
  dom: number;
  drawn: number;
}

interface BenchWindow {
  __bench: {
    marks: Record<string, MarkTime>;
    armed: Set<string>;
    /** The last click and keydown, as event.timeStamp. */
    lastClick: number | null;
    lastKey: number | null;
    check(): void;
  };
}

/** Runs in the page before any of its scripts. Kept self-contained: it is serialized by Playwright. */
function installInPage(specs: MarkSpec[]): void {
  const state: BenchWindow['__bench'] = {
    marks: {},
    armed: new Set(specs.filter((spec) => spec.armed).map((spec) => spec.name)),
    lastClick: null,
    lastKey: null,
    check() {
      for (const spec of specs) {
        if (!state.armed.has(spec.name)) continue;
        let found = [...document.querySelectorAll(spec.selector)];
        if (spec.inViewHolds !== undefined) {
          const inner = spec.inViewHolds;
          // Boxes are measured only once something to look for is drawn: measuring forces a layout,
          // which done on every change while the page builds would be the bench's cost, not the page's.
          if (!document.querySelector(`${spec.selector} ${inner}`)) continue;
          found = found.filter((element) => {
            const box = element.getBoundingClientRect();
            return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
          });
          if (!found.every((element) => element.querySelector(inner))) continue;
        }
        if (found.length < (spec.count ?? 1)) continue;
        if (spec.pattern !== undefined && !new RegExp(spec.pattern).test((found[0]?.textContent ?? '').trim())) continue;
        state.armed.delete(spec.name);
        const dom = performance.now();
        // The rAF callback runs just before the frame is drawn; the task after it, once it is.
        requestAnimationFrame(() => setTimeout(() => (state.marks[spec.name] = { dom, drawn: performance.now() })));
      }
    },
  };
  (window as unknown as BenchWindow).__bench = state;
  new MutationObserver(() => state.check()).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  // event.timeStamp is when the input reached the page, on the same clock as performance.now().
  addEventListener('click', (event) => (state.lastClick = event.timeStamp), true);
  addEventListener('keydown', (event) => (state.lastKey = event.timeStamp), true);
}

/** Installs the marks in every document `page` loads from now on. */
export async function installMarks(page: Page, specs: MarkSpec[]): Promise<void> {
  await page.addInitScript(installInPage, specs);
}

/** Starts watching for `name` again (its previous time is forgotten). */
export function arm(page: Page, name: string): Promise<void> {
  return page.evaluate((mark) => {
    const bench = (window as unknown as BenchWindow).__bench;
    delete bench.marks[mark];
    bench.armed.add(mark);
    bench.check();
  }, name);
}

/** Waits for a mark's time. */
export async function markTime(page: Page, name: string, timeoutMs = 30_000): Promise<MarkTime> {
  const handle = await page.waitForFunction((mark) => (window as unknown as BenchWindow).__bench?.marks[mark] ?? null, name, {
    timeout: timeoutMs,
    polling: 50,
  });
  return (await handle.jsonValue()) as MarkTime;
}

/** The time stamps of the last click and the last keydown the page received. */
export function lastInput(page: Page): Promise<{ click: number | null; key: number | null }> {
  return page.evaluate(() => {
    const bench = (window as unknown as BenchWindow).__bench;
    return { click: bench.lastClick, key: bench.lastKey };
  });
}

/** First contentful paint on the page's clock (ms after navigation start). */
export function firstContentfulPaint(page: Page, timeoutMs = 30_000): Promise<number> {
  return page
    .waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null, undefined, {
      timeout: timeoutMs,
      polling: 50,
    })
    .then((handle) => handle.jsonValue() as Promise<number>);
}

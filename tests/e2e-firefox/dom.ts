/**
 * Finding controls as a person or a screen reader would, in Firefox: by role and accessible name
 * through puppeteer's ARIA queries, which ask Firefox's own accessibility tree (BiDi locateNodes).
 */
import type { ElementHandle, Page } from 'puppeteer-core';

/** A page, or an element of one to search inside. */
type Scope = Page | ElementHandle;

const ariaSelector = (role: string, name?: string) => `aria/${name ?? ''}[role="${role}"]`;

/**
 * Every element with `role` (and exactly the accessible name `name`, if given) now. Firefox's
 * locateNodes takes no start node from puppeteer's handles, so a search inside an element asks the
 * whole page and keeps what the element contains.
 */
export async function allByRole(scope: Scope, role: string, name?: string): Promise<ElementHandle[]> {
  const isPage = 'mainFrame' in scope;
  const page = isPage ? scope : scope.frame.page();
  const found = (await page.$$(ariaSelector(role, name))) as ElementHandle[];
  if (isPage) return found;
  const inside: ElementHandle[] = [];
  for (const element of found) {
    if (await scope.evaluate((outer, inner) => outer !== inner && outer.contains(inner), element)) inside.push(element);
  }
  return inside;
}

/** The element with `role` and exactly the accessible name `name`, waiting up to `timeout` ms for it. */
export async function byRole(scope: Scope, role: string, name?: string, timeout = 10_000): Promise<ElementHandle> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const [found] = await allByRole(scope, role, name).catch(() => []);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${role} named “${name ?? ''}” within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The element with exactly the accessible name `name`, whatever its role: for a disclosure's
 * summary ("More choices"), which Firefox names but gives no role its ARIA queries match.
 */
export async function byName(page: Page, name: string, timeout = 10_000): Promise<ElementHandle> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await page.$(`aria/${name}`).catch(() => null)) as ElementHandle | null;
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`nothing named “${name}” within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The text an element shows. */
export function textOf(element: ElementHandle): Promise<string> {
  return element.evaluate((node) => node.textContent ?? '');
}

/** The first element with `role` whose text matches `text`, waiting up to `timeout` ms. */
export async function byRoleWithText(scope: Scope, role: string, text: string | RegExp, timeout = 10_000): Promise<ElementHandle> {
  const matches = (value: string) => (typeof text === 'string' ? value.includes(text) : text.test(value));
  const deadline = Date.now() + timeout;
  for (;;) {
    const candidates = await allByRole(scope, role).catch(() => []);
    const seen: string[] = [];
    for (const candidate of candidates) {
      const value = await textOf(candidate).catch(() => '');
      if (matches(value)) return candidate;
      seen.push(value);
    }
    if (Date.now() > deadline) throw new Error(`no ${role} showing ${String(text)}; saw ${JSON.stringify(seen)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Replaces the value of a text field or number field by typing, as a person would. */
export async function fill(field: ElementHandle, value: string): Promise<void> {
  await field.evaluate((node) => (node as HTMLInputElement).select());
  if (value === '') await field.press('Backspace');
  else await field.type(value);
}

/** The value of a form field. */
export function valueOf(field: ElementHandle): Promise<string> {
  return field.evaluate((node) => (node as HTMLInputElement).value);
}

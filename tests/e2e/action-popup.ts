/**
 * Debrief's real toolbar popup, opened on a tab the way a click on the toolbar button opens it
 * (DevTools' Extensions.triggerAction, which also grants `activeTab` for that tab), and a site's
 * permission granted the way the browser lets a person grant it outside a prompt (chrome://extensions,
 * "Site access"). Playwright does not list action popups among its pages, so the popup is driven
 * through the DevTools protocol: buttons are found by their accessible name and clicked with a user
 * gesture, as a person's click.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { wait } from './call-fixture';
import type { Debrief } from './harness';
import { ARTIFACTS_DIR } from './paths';

/** The flag that lets a test open the toolbar popup (pass it as `launchExtension({ extraArgs })`). */
export const ACTION_POPUP_ARGS = ['--enable-unsafe-extension-debugging'];

/** A DevTools reply from the popup. */
interface Reply {
  id?: number;
  result?: { result?: { value?: unknown } };
  error?: unknown;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export class ActionPopup {
  private lastId = 0;
  private readonly replies = new Map<number, (message: Reply) => void>();

  private constructor(
    private readonly browser: CDPSession,
    private readonly sessionId: string,
  ) {
    browser.on('Target.receivedMessageFromTarget', (event: { sessionId?: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as Reply;
      if (message.id === undefined) return;
      this.replies.get(message.id)?.(message);
      this.replies.delete(message.id);
    });
  }

  /** Opens the popup on `tab`, as a click on Debrief's toolbar button with that tab in front. */
  static async open(debrief: Debrief, tab: Page): Promise<ActionPopup> {
    const browserContext = debrief.context.browser();
    if (!browserContext) throw new Error('no browser to talk to');
    const session = await browserContext.newBrowserCDPSession();
    const targets = async (filter?: object[]) =>
      ((await session.send('Target.getTargets', filter ? ({ filter } as never) : undefined)) as { targetInfos: TargetInfo[] }).targetInfos;
    await tab.bringToFront();
    const tabTarget = (await targets([{ type: 'tab' }])).find((target) => target.url === tab.url());
    if (!tabTarget) throw new Error(`no tab at ${tab.url()}`);
    await session.send('Extensions.triggerAction' as never, { id: debrief.extensionId, targetId: tabTarget.targetId } as never);
    for (let tries = 0; tries < 50; tries++) {
      const popup = (await targets()).find((target) => target.url.startsWith(`chrome-extension://${debrief.extensionId}/popup.html`));
      if (popup) {
        const { sessionId } = (await session.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false })) as { sessionId: string };
        const opened = new ActionPopup(session, sessionId);
        await opened.waitFor(() => document.readyState === 'complete' && document.querySelector('main') !== null);
        return opened;
      }
      await wait(100);
    }
    throw new Error('the toolbar popup did not open');
  }

  /** Sends one DevTools command to the popup and returns its result. */
  private async command(method: string, params: object): Promise<Reply['result']> {
    const id = ++this.lastId;
    const reply = new Promise<Reply>((resolve) => this.replies.set(id, resolve));
    await this.browser.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    const answer = await reply;
    if (answer.error) throw new Error(`popup: ${JSON.stringify(answer.error)}`);
    return answer.result;
  }

  /** Runs `fn` in the popup (with a user gesture, as a click is) and returns its JSON result. */
  async run<T>(fn: (...args: string[]) => T, ...args: string[]): Promise<T> {
    const expression = `(${fn.toString()})(...${JSON.stringify(args)})`;
    const result = await this.command('Runtime.evaluate', { expression, returnByValue: true, userGesture: true });
    return result?.result?.value as T;
  }

  /** Saves what the popup shows, at its real size, to tests/e2e/artifacts/<name>.png. */
  async screenshot(name: string): Promise<void> {
    const shot = (await this.command('Page.captureScreenshot', { format: 'png' })) as unknown as { data: string };
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, `${name}.png`), Buffer.from(shot.data, 'base64'));
  }

  /** What the popup shows, as text. */
  text(): Promise<string> {
    return this.run(() => document.body.innerText);
  }

  /** Waits until `check` holds in the popup. */
  async waitFor(check: () => boolean, timeout = 10_000): Promise<void> {
    const until = Date.now() + timeout;
    while (!(await this.run(check))) {
      if (Date.now() > until) throw new Error(`the popup never showed what was expected; it shows:\n${await this.text()}`);
      await wait(100);
    }
  }

  /** Waits until the popup shows `text`. */
  async waitForText(text: string, timeout?: number): Promise<void> {
    const until = Date.now() + (timeout ?? 10_000);
    while (!(await this.text()).includes(text)) {
      if (Date.now() > until) throw new Error(`the popup never showed “${text}”; it shows:\n${await this.text()}`);
      await wait(100);
    }
  }

  /** Clicks the button whose accessible name (its aria-label, else its text) is `name`. */
  async click(name: string): Promise<void> {
    const clicked = await this.run((wanted) => {
      const button = [...document.querySelectorAll('button')].find(
        (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').trim() === wanted,
      );
      button?.click();
      return button !== undefined;
    }, name);
    if (!clicked) throw new Error(`no button named “${name}” in the popup; it shows:\n${await this.text()}`);
  }
}

/**
 * Debrief's page in chrome://extensions, opened ahead (a new tab would take the focus and close the
 * popup). Its `grant(host)` allows Debrief on `host` there (Site access, add a site): how the browser
 * lets a person allow a site outside its prompt, which a test cannot click.
 */
export async function openSiteAccess(debrief: Debrief): Promise<{ grant(host: string): Promise<void> }> {
  const page = await debrief.context.newPage();
  await page.goto(`chrome://extensions/?id=${debrief.extensionId}`);
  type DeveloperPrivate = { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
  return {
    grant: (host) =>
      page.evaluate(
        ([id, pattern]) => (globalThis as unknown as { chrome: DeveloperPrivate }).chrome.developerPrivate.addHostPermission(id as string, pattern as string),
        [debrief.extensionId, `https://${host}/*`],
      ),
  };
}

import { notify } from './notify';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { customHostOfPattern } from '@/utils/sites/custom';
import { finishWatching } from '@/utils/sites/watch-site';

// One offer is finished at a time: the popup's message and the browser's grant both arrive for it.
let queue: Promise<unknown> = Promise.resolve();

/** Finishes the toolbar's offer for `host`; `tell`: say so in a notification when no popup shows it. */
export function finishOffer(host: string, tell: boolean): Promise<void> {
  const next = queue.then(async () => {
    if ((await finishWatching(host)) && tell && !(await popupOpen())) await notifyWatching(host);
  });
  queue = next.catch(() => undefined);
  return next;
}

/** Hosts granted by the browser (its prompt answered, perhaps after Firefox closed the popup). */
export function grantedHosts(origins: readonly string[] | undefined): string[] {
  return (origins ?? []).flatMap((origin) => customHostOfPattern(origin) ?? []);
}

type ContextsRuntime = { getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]> };

// The popup, if still open, shows the result itself.
async function popupOpen(): Promise<boolean> {
  const runtime = browser.runtime as unknown as ContextsRuntime;
  if (runtime.getContexts) return (await runtime.getContexts({ contextTypes: ['POPUP'] })).length > 0;
  return (browser.extension?.getViews?.({ type: 'popup' }).length ?? 0) > 0;
}

async function notifyWatching(host: string): Promise<void> {
  await notify('watching', host, {
    title: t('watchSite.notificationTitle', { host }),
    message: t('watchSite.notificationMessage'),
  });
}

import { browser, type Browser } from 'wxt/browser';
import { getDb } from '@/utils/db/open';
import { patchSession, touchSessions } from '@/utils/db/sessions';
import { sessionStorageCalls, sessionStorageOffers } from '@/utils/session/call-registry';
import { isPageMessage, isSessionMessage } from '@/utils/session/messages';
import { senderKind } from '@/utils/session/senders';
import { alarmFor, alarmName } from '@/utils/alarms';
import { callEnded, callStarted, recoverInterrupted, type TrackerDeps } from '@/utils/session/tracker';
import { siteForUrl } from '@/utils/sites/registry';
import { customHostFor, customMatchPattern, customPlatformId } from '@/utils/sites/custom';
import { removeCustomSite } from '@/utils/sites/custom-scripts';
import { lapseIfIdle } from '@/utils/lock/session';
import { customSites, disabledPlatforms, minSessionMinutes, unlockedLock } from '@/utils/storage';
import { openCheckInWindow, openReflectionWindow } from '@/utils/session/check-in-window';
import { offerSession, refreshBadge, sessionFromNotification } from './offer';
import { planReflection, promptReflection, resumeReflections } from './reflections';
import { backUpIfDue, startBackups } from './backups';
import { finishOffer, grantedHosts } from './watching';
import { clearBringUp, markBringUp } from './bring-up';

const deps: TrackerDeps = {
  db: getDb,
  calls: sessionStorageCalls(),
  minSessionMinutes: () => minSessionMinutes.getValue(),
  offer: (session, options) => (options?.quiet ? refreshBadge() : offerSession(session)),
  now: () => Date.now(),
  offers: sessionStorageOffers(),
};

function report(error: unknown): void {
  console.error('Debrief:', error);
}

function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** The platform id a call page belongs to, or null when Debrief should not ask about it. */
async function platformFor(url: string): Promise<string | null> {
  const parsed = new URL(url);
  const site = siteForUrl(parsed);
  const custom = site ? undefined : customHostFor(parsed, await customSites.getValue());
  const platform = site?.id ?? (custom ? customPlatformId(custom) : null);
  if (!platform) return null;
  return (await disabledPlatforms.getValue()).includes(platform) ? null : platform;
}

/** Chromium names the sending document; the polyfill's types predate that field. */
function documentIdOf(sender: Browser.runtime.MessageSender): string | undefined {
  const id = (sender as { documentId?: unknown }).documentId;
  return typeof id === 'string' ? id : undefined;
}

async function onSessionMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url || !isSessionMessage(message)) return;
  if (message.type === 'session-started') {
    const platform = message.room ? await platformFor(sender.url) : null;
    if (!platform) return;
    const session = await callStarted(deps, {
      tabId,
      frameId: sender.frameId ?? 0,
      documentId: documentIdOf(sender),
      platform,
      url: sender.url,
      at: message.at,
    });
    await browser.alarms.create(alarmName('heartbeat'), { periodInMinutes: 1 });
    if (session) await markBringUp(tabId, session);
  } else {
    const ended = await callEnded(deps, tabId, {
      reason: message.reason,
      at: message.at,
      frameId: sender.frameId ?? 0,
      documentId: documentIdOf(sender),
    });
    if (ended) await clearBringUp(tabId);
  }
}

async function onPageMessage(message: unknown): Promise<void> {
  if (!isPageMessage(message)) return;
  if (message.type === 'snooze') {
    await browser.alarms.create(alarmName('snooze', message.sessionId), { when: message.until });
  }
  if (message.type === 'check-in-saved') await planReflection(message.checkInId, message.createdMs);
  if (message.type === 'watch-site') return finishOffer(message.host, false);
  await refreshBadge();
}

export default defineBackground(() => {
  // Listeners first and synchronously, so events that woke the worker are not missed.
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const from = senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
    const work = from === 'own-page' ? onPageMessage(message) : from === 'content-script' ? onSessionMessage(message, sender) : null;
    work?.catch(report);
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    callEnded(deps, tabId, { reason: 'tab-closed' }).catch(report);
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (!changeInfo.url) return;
    const url = changeInfo.url;
    deps.calls
      .get(tabId)
      .then((call) => {
        if (call && withoutHash(call.roomUrl) !== withoutHash(url)) return callEnded(deps, tabId, { reason: 'navigated' });
        return null;
      })
      .catch(report);
  });

  browser.alarms.onAlarm.addListener(({ name }) => {
    const alarm = alarmFor(name);
    if (alarm?.kind === 'heartbeat') {
      deps.calls
        .all()
        .then(async (calls) => {
          if (calls.length === 0) return browser.alarms.clear(name);
          await touchSessions(await getDb(), calls.map((call) => call.sessionId));
          return true;
        })
        .catch(report);
    } else if (alarm?.kind === 'reflect') {
      promptReflection(alarm.id).catch(report);
    } else if (alarm?.kind === 'snooze') {
      getDb()
        .then((db) => patchSession(db, alarm.id, (s) => (s.status === 'snoozed' ? { status: 'pending', snoozedUntil: null } : null)))
        .then((session) => (session?.status === 'pending' ? offerSession(session) : undefined))
        .catch(report);
    } else if (alarm?.kind === 'backup') {
      backUpIfDue().catch(report);
    } else if (alarm?.kind === 'lockIdle') {
      lapseIfIdle()
        .then(async (lapsed) => (lapsed || !(await unlockedLock.getValue()) ? browser.alarms.clear(name) : true))
        .catch(report);
    }
  });

  // Unlocked somewhere: check once a minute whether it has been idle long enough to lock again.
  unlockedLock.watch((held, before) => {
    if (held && !before) browser.alarms.create(alarmName('lockIdle'), { periodInMinutes: 1 }).catch(report);
  });

  browser.notifications.onClicked.addListener((notificationId) => {
    const sessionId = sessionFromNotification(notificationId);
    if (sessionId) openCheckInWindow(sessionId).catch(report);
    const alarm = alarmFor(notificationId);
    if (alarm?.kind === 'reflect') openReflectionWindow(alarm.id).catch(report);
    browser.notifications.clear(notificationId).catch(report);
  });

  // The toolbar's offer accepted: finished here too, since Firefox closes the popup when it asks.
  browser.permissions.onAdded.addListener((permissions) => {
    for (const host of grantedHosts(permissions.origins)) finishOffer(host, true).catch(report);
  });

  // A custom site whose permission was taken back in the browser's settings is removed too.
  browser.permissions.onRemoved.addListener((permissions) => {
    customSites
      .getValue()
      .then(async (hosts) => {
        for (const host of hosts) {
          if (permissions.origins?.includes(customMatchPattern(host))) await removeCustomSite(host);
        }
      })
      .catch(report);
  });

  // A session still "in progress" with no live tab was cut off when the browser quit.
  recoverInterrupted(deps)
    .then(() => refreshBadge())
    .catch(report);
  resumeReflections().catch(report);
  startBackups(report);
});

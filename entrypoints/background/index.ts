import { browser, type Browser } from 'wxt/browser';
import { getDb } from '@/utils/db/open';
import { moveSession, touchSessions } from '@/utils/db/sessions';
import { callsInStorageSession, offersInStorageSession } from '@/utils/session/call-registry';
import { isPageMessage, isSessionMessage } from '@/utils/session/messages';
import { senderKind } from '@/utils/session/senders';
import { alarmFor, alarmName } from '@/utils/alarms';
import { callEnded, callStarted, recoverInterrupted, type TrackerDeps } from '@/utils/session/tracker';
import { siteForUrl } from '@/utils/sites/registry';
import { judgeCall } from '@/utils/session/asking';
import { customHostFor, customMatchPattern, customPlatformId } from '@/utils/sites/custom';
import { removeCustomSite } from '@/utils/sites/custom-scripts';
import { lapseIfIdle } from '@/utils/lock/session';
import { customSites, disabledPlatforms, minSessionMinutes, unlockedLock } from '@/utils/storage';
import { openCheckInWindow, openReflectionWindow } from '@/utils/session/check-in-window';
import { offerSession, refreshBadge } from './offer';
import { notificationFor } from '@/utils/notifications';
import { planReflection, promptReflection, resumeReflections } from './reflections';
import { backUpIfDue, startBackups } from './backups';
import { snoozeFromPage } from './snooze';
import { finishOffer, grantedHosts } from './watching';
import { clearBringUp, markBringUp } from './bring-up';
import { appSessionDue, joinedInBrowser, launchPageSeen, personActive } from './app-sessions';

const deps: TrackerDeps = {
  db: getDb,
  calls: callsInStorageSession(),
  minSessionMinutes: () => minSessionMinutes.getValue(),
  offer: (session, options) => (options?.quiet ? refreshBadge() : offerSession(session)),
  askAbout: async (session, lengthMs) => (await judgeCall(await getDb(), session, lengthMs)).verdict,
  now: () => Date.now(),
  offers: offersInStorageSession(),
};

function report(error: unknown): void {
  console.error('Debrief:', error);
}

function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** The platform and room of a call page, read from its address in one look-up; null when Debrief should not ask about it. */
async function placeOf(url: string): Promise<{ platform: string; roomKey: string | null } | null> {
  const parsed = new URL(url);
  const site = siteForUrl(parsed);
  const custom = site ? undefined : customHostFor(parsed, await customSites.getValue());
  const platform = site?.id ?? (custom ? customPlatformId(custom) : null);
  if (!platform || (await disabledPlatforms.getValue()).includes(platform)) return null;
  return { platform, roomKey: site?.roomKey?.(parsed) ?? null };
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
    // Read here from the sender's address, so nothing more runs in the call page.
    const place = message.room ? await placeOf(sender.url) : null;
    if (!place) return;
    const session = await callStarted(deps, {
      tabId,
      frameId: sender.frameId ?? 0,
      documentId: documentIdOf(sender),
      ...place,
      url: sender.url,
      at: message.at,
    });
    await browser.alarms.create(alarmName('heartbeat'), { periodInMinutes: 1 });
    if (session) await joinedInBrowser(tabId);
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
  if (message.type === 'check-in-saved') await planReflection(message.checkInId, message.createdMs);
  if (message.type === 'watch-site') return finishOffer(message.host, false);
  await refreshBadge();
}

export default defineBackground(() => {
  // Listeners first and synchronously, so events that woke the worker are not missed.
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const from = senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
    // The one page message answered: a snooze that failed keeps its window open and says why.
    if (from === 'own-page' && isPageMessage(message) && message.type === 'snooze') return snoozeFromPage(message.sessionId, message.until);
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
    launchPageSeen(tabId, url).catch(report);
    deps.calls
      .get(tabId)
      .then((call) => {
        if (!call || withoutHash(call.roomUrl) === withoutHash(url)) return null;
        // The tab stays open on another page: its "something to bring up" goes with the call.
        return callEnded(deps, tabId, { reason: 'navigated' }).then((ended) => ended && clearBringUp(tabId));
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
        .then((db) => moveSession(db, alarm.id, 'due'))
        .then((session) => (session?.status === 'pending' ? offerSession(session) : undefined))
        .catch(report);
    } else if (alarm?.kind === 'app') {
      appSessionDue(alarm.id).catch(report);
    } else if (alarm?.kind === 'ageing') {
      refreshBadge().catch(report);
    } else if (alarm?.kind === 'backup') {
      backUpIfDue().catch(report);
    } else if (alarm?.kind === 'lockIdle') {
      lapseIfIdle()
        .then(async (lapsed) => (lapsed || !(await unlockedLock.getValue()) ? browser.alarms.clear(name) : true))
        .catch(report);
    }
  });

  // Back in the browser: an app session whose time came is asked about now, never before.
  browser.tabs.onActivated.addListener(() => void personActive().catch(report));
  browser.windows.onFocusChanged.addListener((windowId) => {
    if (windowId !== browser.windows.WINDOW_ID_NONE) personActive().catch(report);
  });

  // Unlocked somewhere: check once a minute whether it has been idle long enough to lock again.
  unlockedLock.watch((held, before) => {
    if (held && !before) browser.alarms.create(alarmName('lockIdle'), { periodInMinutes: 1 }).catch(report);
  });

  browser.notifications.onClicked.addListener((notificationId) => {
    const shown = notificationFor(notificationId);
    if (shown?.kind === 'checkIn') openCheckInWindow(shown.id).catch(report);
    if (shown?.kind === 'reflect') openReflectionWindow(shown.id).catch(report);
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

import { browser, type Browser } from 'wxt/browser';
import { getDb } from '@/utils/db/open';
import { patchSession, touchSessions } from '@/utils/db/sessions';
import { sessionStorageCalls } from '@/utils/session/call-registry';
import { isPageMessage, isSessionMessage } from '@/utils/session/messages';
import { callEnded, callStarted, recoverInterrupted, type TrackerDeps } from '@/utils/session/tracker';
import { siteForUrl } from '@/utils/sites/registry';
import { customHostFor, customMatchPattern, customPlatformId } from '@/utils/sites/custom';
import { removeCustomSite } from '@/utils/sites/custom-scripts';
import { customSites, disabledPlatforms, minSessionMinutes } from '@/utils/storage';
import { openCheckInWindow, openReflectionWindow } from '@/utils/session/check-in-window';
import { offerSession, refreshBadge, sessionFromNotification } from './offer';
import { planReflection, promptReflection, REFLECT_PREFIX, resumeReflections } from './reflections';
import { BACKUP_ALARM, backUpIfDue, startBackups } from './backups';
import { clearBringUp, markBringUp } from './bring-up';

const HEARTBEAT_ALARM = 'heartbeat';
const SNOOZE_PREFIX = 'snooze:';

const deps: TrackerDeps = {
  db: getDb,
  calls: sessionStorageCalls(),
  minSessionMinutes: () => minSessionMinutes.getValue(),
  offer: (session, options) => (options?.quiet ? refreshBadge() : offerSession(session)),
  now: () => Date.now(),
  offeredAt: new Map(),
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
    await browser.alarms.create(HEARTBEAT_ALARM, { periodInMinutes: 1 });
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
    await browser.alarms.create(`${SNOOZE_PREFIX}${message.sessionId}`, { when: message.until });
  }
  if (message.type === 'check-in-saved') await planReflection(message.checkInId, message.createdMs);
  await refreshBadge();
}

export default defineBackground(() => {
  // A worker starts with no memory of earlier offers (and tests start the background afresh).
  deps.offeredAt.clear();
  // Listeners first and synchronously, so events that woke the worker are not missed.
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const fromOwnPage = sender.id === browser.runtime.id && !sender.tab?.url?.startsWith('http') && sender.url?.startsWith(browser.runtime.getURL('/'));
    const work = fromOwnPage ? onPageMessage(message) : sender.id === browser.runtime.id ? onSessionMessage(message, sender) : null;
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

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === HEARTBEAT_ALARM) {
      deps.calls
        .all()
        .then(async (calls) => {
          if (calls.length === 0) return browser.alarms.clear(HEARTBEAT_ALARM);
          await touchSessions(await getDb(), calls.map((call) => call.sessionId));
          return true;
        })
        .catch(report);
    } else if (alarm.name.startsWith(REFLECT_PREFIX)) {
      promptReflection(alarm.name.slice(REFLECT_PREFIX.length)).catch(report);
    } else if (alarm.name.startsWith(SNOOZE_PREFIX)) {
      const sessionId = alarm.name.slice(SNOOZE_PREFIX.length);
      getDb()
        .then((db) => patchSession(db, sessionId, (s) => (s.status === 'snoozed' ? { status: 'pending', snoozedUntil: null } : null)))
        .then((session) => (session?.status === 'pending' ? offerSession(session) : undefined))
        .catch(report);
    }
    if (alarm.name === BACKUP_ALARM) backUpIfDue().catch(report);
  });

  browser.notifications.onClicked.addListener((notificationId) => {
    const sessionId = sessionFromNotification(notificationId);
    if (sessionId) openCheckInWindow(sessionId).catch(report);
    if (notificationId.startsWith(REFLECT_PREFIX)) {
      openReflectionWindow(notificationId.slice(REFLECT_PREFIX.length)).catch(report);
    }
    browser.notifications.clear(notificationId).catch(report);
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

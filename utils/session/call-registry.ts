import { storage } from 'wxt/utils/storage';
import type { CallRegistry, OfferLog, TabCall } from './tracker';

const PREFIX = 'call-';
const OFFER_PREFIX = 'offered-';

/** Calls in progress, one `storage.session` key per tab so concurrent tabs never overwrite each other. */
export function callsInStorageSession(): CallRegistry {
  return {
    async get(tabId) {
      return storage.getItem<TabCall>(`session:${PREFIX}${tabId}`);
    },
    async set(call) {
      await storage.setItem(`session:${PREFIX}${call.tabId}`, call);
    },
    async remove(tabId) {
      await storage.removeItem(`session:${PREFIX}${tabId}`);
    },
    async all() {
      const snapshot = await storage.snapshot('session');
      return Object.entries(snapshot)
        .filter(([key]) => key.startsWith(PREFIX))
        .map(([, value]) => value as TabCall);
    },
  };
}

/** When each tab last had a check-in offered, one `storage.session` key per tab: a worker restart keeps the limit. */
export function offersInStorageSession(): OfferLog {
  return {
    lastOffer: (tabId) => storage.getItem<number>(`session:${OFFER_PREFIX}${tabId}`),
    noteOffer: (tabId, at) => storage.setItem(`session:${OFFER_PREFIX}${tabId}`, at),
  };
}

import { storage } from 'wxt/utils/storage';
import type { CallRegistry, TabCall } from './tracker';

const PREFIX = 'call-';

/** Calls in progress, one `storage.session` key per tab so concurrent tabs never overwrite each other. */
export function sessionStorageCalls(): CallRegistry {
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

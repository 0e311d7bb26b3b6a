import type { CallRegistry, TabCall } from '@/utils/session/tracker';

/** The background's per-tab call registry, kept in `calls` instead of storage.session. */
export function memoryCalls(calls: Map<number, TabCall> = new Map()): CallRegistry {
  return {
    get: async (tabId) => calls.get(tabId) ?? null,
    set: async (call) => void calls.set(call.tabId, call),
    remove: async (tabId) => void calls.delete(tabId),
    all: async () => [...calls.values()],
  };
}

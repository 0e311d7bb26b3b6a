import { browser } from 'wxt/browser';

/** The check-in opens as a small popup window, about the size of a phone. */
export const CHECK_IN_WINDOW = { width: 440, height: 680 };

export function checkInUrl(sessionId: string): string {
  return browser.runtime.getURL(`/check-in.html?session=${encodeURIComponent(sessionId)}`);
}

/** Opens the check-in for a session in its own window. */
export async function openCheckInWindow(sessionId: string): Promise<void> {
  await browser.windows.create({ url: checkInUrl(sessionId), type: 'popup', focused: true, ...CHECK_IN_WINDOW });
}

/** Opens a saved check-in in reflection mode. */
export async function openReflectionWindow(checkInId: string): Promise<void> {
  const url = browser.runtime.getURL(`/check-in.html?reflect=${encodeURIComponent(checkInId)}`);
  await browser.windows.create({ url, type: 'popup', focused: true, ...CHECK_IN_WINDOW });
}

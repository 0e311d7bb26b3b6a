import type { Browser } from 'wxt/browser';

/** Who sent a runtime message, as far as Debrief trusts it. */
export type SenderKind = 'own-page' | 'content-script' | 'other';

/**
 * The background's trust rule. Only Debrief's own pages (popup, check-in, options) may ask for
 * snoozes and follow-ups; Debrief's content scripts may only report a call in their own tab;
 * anything else (another extension, a web page) is ignored.
 */
export function senderKind(sender: Browser.runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'other';
  const inWebTab = sender.tab?.url?.startsWith('http') ?? false;
  if (!inWebTab && sender.url?.startsWith(extensionOrigin)) return 'own-page';
  return 'content-script';
}

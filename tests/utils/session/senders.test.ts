import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { senderKind, type SenderKind } from '@/utils/session/senders';

const ID = 'debrief-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
const OTHER = 'other-extension-id';

const cases: [string, Browser.runtime.MessageSender, SenderKind][] = [
  ['the popup', { id: ID, url: `${ORIGIN}popup.html` }, 'own-page'],
  ['the check-in window', { id: ID, url: `${ORIGIN}check-in.html?session=s1`, tab: { url: `${ORIGIN}check-in.html?session=s1` } as Browser.tabs.Tab }, 'own-page'],
  ['the options page in a tab', { id: ID, url: `${ORIGIN}options.html#/history`, tab: { url: `${ORIGIN}options.html` } as Browser.tabs.Tab }, 'own-page'],
  ['the call watcher on a call page', { id: ID, url: 'https://doxy.me/room', tab: { id: 3, url: 'https://doxy.me/room' } as Browser.tabs.Tab, frameId: 0 }, 'content-script'],
  // A content script's frame URL could be anything, even look like ours: the tab decides.
  ['a call page frame claiming our origin', { id: ID, url: `${ORIGIN}popup.html`, tab: { id: 3, url: 'https://evil.example/' } as Browser.tabs.Tab }, 'content-script'],
  ['another extension', { id: OTHER, url: `chrome-extension://${OTHER}/page.html` }, 'other'],
  ['another extension naming our pages', { id: OTHER, url: `${ORIGIN}popup.html` }, 'other'],
  ['a sender with no id', { url: 'https://doxy.me/room' }, 'other'],
];

describe('which senders the background trusts', () => {
  it.each(cases)('%s', (_name, sender, expected) => {
    expect(senderKind(sender, ID, ORIGIN)).toBe(expected);
  });
});

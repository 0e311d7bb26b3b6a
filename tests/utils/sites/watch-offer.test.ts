import { describe, expect, it } from 'vitest';
import { watchOfferFor, type WatchOffer } from '@/utils/sites/watch-offer';

const watched = { customHosts: ['care.example-clinic.org'], disabledPlatforms: ['zoom'] };

// What the toolbar popup offers on the page a person has open: [page, offer].
const TABLE: ReadonlyArray<readonly [string | undefined, WatchOffer]> = [
  // An https site Debrief does not watch: one click away.
  ['https://therapy.example-clinic.org/session/42', { kind: 'offered', host: 'therapy.example-clinic.org' }],
  ['https://member.teladoc.com/visits', { kind: 'offered', host: 'member.teladoc.com' }],
  ['https://app.thera-link.com/', { kind: 'offered', host: 'app.thera-link.com' }],
  ['https://Example.ORG:8443/room?x=1#y', { kind: 'offered', host: 'example.org' }],
  // Watched already: a supported platform (named as people know it), or a site the person added.
  ['https://doxy.me/DrKerr', { kind: 'watched', host: 'doxy.me', platform: 'Doxy.me' }],
  ['https://doxy.me/sign-in', { kind: 'watched', host: 'doxy.me', platform: 'Doxy.me' }],
  ['https://app.talkspace.com/room/2422725', { kind: 'watched', host: 'app.talkspace.com', platform: 'Talkspace' }],
  ['https://telehealth.growtherapy.com/join', { kind: 'watched', host: 'telehealth.growtherapy.com', platform: 'Grow Therapy' }],
  ['https://care.example-clinic.org/visit', { kind: 'watched', host: 'care.example-clinic.org', platform: null }],
  // A platform turned off in Settings: nothing here (Settings is where it comes back).
  ['https://us02web.zoom.us/wc/123456789/join', { kind: 'not-offerable' }],
  // Not offerable: not https, the browser's own pages, files, extension pages, blank pages, stores.
  ['http://therapy.example-clinic.org/session/42', { kind: 'not-offerable' }],
  ['http://doxy.me/DrKerr', { kind: 'not-offerable' }],
  ['chrome://extensions/', { kind: 'not-offerable' }],
  ['chrome://newtab/', { kind: 'not-offerable' }],
  ['edge://settings', { kind: 'not-offerable' }],
  ['about:blank', { kind: 'not-offerable' }],
  ['about:addons', { kind: 'not-offerable' }],
  ['file:///home/me/notes.html', { kind: 'not-offerable' }],
  ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', { kind: 'not-offerable' }],
  ['moz-extension://0c5b6d3e-1234-4abc-9def-0123456789ab/popup.html', { kind: 'not-offerable' }],
  ['view-source:https://example.org/', { kind: 'not-offerable' }],
  ['data:text/html,<p>hi</p>', { kind: 'not-offerable' }],
  ['https://chromewebstore.google.com/detail/abc', { kind: 'not-offerable' }],
  ['https://addons.mozilla.org/en-US/firefox/', { kind: 'not-offerable' }],
  ['https://localhost/room', { kind: 'not-offerable' }],
  ['https://[::1]/room', { kind: 'not-offerable' }],
  // The browser did not say which page it is (no access to the tab).
  [undefined, { kind: 'not-offerable' }],
  ['', { kind: 'not-offerable' }],
];

describe('the toolbar’s offer to ask after calls on the open site', () => {
  it.each(TABLE)('%s → %o', (url, offer) => {
    expect(watchOfferFor(url, watched)).toEqual(offer);
  });
});

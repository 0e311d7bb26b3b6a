import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
import en from '@/utils/i18n/locales/en.json';
import { chromeMessages, messageGetter } from '@/tests/support/locale-messages';

// The CI machine has two cores shared with a build; 1 s is too tight for findBy* there.
configure({ asyncUtilTimeout: 5000 });

// fakeBrowser has no i18n: read the English messages, so tests find controls by their English names.
const getMessage = messageGetter(chromeMessages(en));
fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});

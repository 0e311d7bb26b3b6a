import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

// The CI machine has two cores shared with a build; 1 s is too tight for findBy* there.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  fakeBrowser.reset();
});

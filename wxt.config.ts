import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { manifestWatcherScript } from './utils/session/content-scripts';
import { siteMatchPatterns } from './utils/sites/registry';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Lets parallel test runs build into separate folders.
  outDir: process.env.DEBRIEF_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons', '@wxt-dev/i18n/module'],
  // No top-level locales/ folder: the messages live beside the code that reads them.
  i18n: { localesDir: 'utils/i18n/locales' },
  // One source image; every size the stores and the toolbar need is generated from it.
  autoIcons: { baseIconPath: 'components/icon.svg', developmentIndicator: false },
  vite: () => ({ plugins: [preact()] }),
  // The sources zip AMO asks for: the code and how to build it, not test output.
  zip: { excludeSources: ['tests/e2e/artifacts/**', 'demo-screenshots/**', 'bench/**', '.vitest/**'] },
  manifest: ({ browser }) => ({
    default_locale: 'en',
    name: '__MSG_app_name__',
    description: '__MSG_app_description__',
    // Each permission is justified in PRIVACY.md § Permissions; tests pin this list.
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'downloads', 'activeTab'],
    host_permissions: siteMatchPatterns(),
    // The media probe is a WXT content script; the call watcher is declared here (utils/session/content-scripts.ts).
    content_scripts: [manifestWatcherScript(siteMatchPatterns())],
    // Sites the person adds themselves are asked for one at a time, at runtime.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_app_name__' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'debrief@debrief-checkin.org',
          // 140: MAIN-world content scripts (128) and the data-collection declaration (140).
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});

import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Debrief',
    description: 'A private check-in after each video therapy session, kept on your own machine.',
    permissions: ['storage'],
    action: { default_title: 'Debrief' },
  },
});

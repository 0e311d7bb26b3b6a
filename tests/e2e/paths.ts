import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the project, the built extension and the test artifacts live. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = resolve(PROJECT_ROOT, process.env.DEBRIEF_OUT_DIR ?? '.output');
export const EXTENSION_DIR = join(OUT_DIR, 'chrome-mv3');
export const FIREFOX_EXTENSION_DIR = join(OUT_DIR, 'firefox-mv3');
export const ARTIFACTS_DIR = join(PROJECT_ROOT, 'tests', 'e2e', 'artifacts');
export const CHROMIUM = process.env.DEBRIEF_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The `firefox` section of the bench: Firefox's add-on built into a temporary folder, then the call
 * page's cost under the Gecko profiler and call end → check-in, in firefox-esr.
 */
import { execFileSync } from 'node:child_process';
import { FIREFOX } from '../e2e-firefox/harness';
import { benchFirefoxCall } from './firefox-call';
import { benchFirefoxEnd } from './firefox-end';
import { buildExtension } from './sizes';
import type { Figure } from './stats';

export async function benchFirefox(
  settings: { runs: number; callSeconds: number; roomUrl: string },
  progress: (text: string) => void,
): Promise<Figure[]> {
  progress(`building the Firefox add-on into a temporary folder; ${execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).trim()}`);
  const built = buildExtension({ firefox: true });
  try {
    progress(`Firefox call page: ${settings.runs} fresh Firefoxes per variant under the Gecko profiler, alternating`);
    const figures = await benchFirefoxCall(built.extensionDir, { runs: settings.runs, sampleSeconds: settings.callSeconds, roomUrl: settings.roomUrl });
    progress(`Firefox call end → check-in: ${settings.runs} rounds of site signal, tab closed, media only`);
    figures.push(...(await benchFirefoxEnd(built.extensionDir, settings.runs)));
    return figures;
  } finally {
    built.remove();
  }
}

import type { Page } from 'playwright-core';
import { serveCallPages } from './call-fixture';
import { CheckInWindows, setMinSessionMinutes } from './debrief-state';
import { launchExtension, openExtensionPage, type Debrief } from './harness';

/** A browser for call tests: the call page at every address, minimum length 0, windows watched, a page to read the database. */
export async function launchForCalls(): Promise<{ debrief: Debrief; checkIns: CheckInWindows; reader: Page }> {
  const debrief = await launchExtension();
  await serveCallPages(debrief.context);
  await setMinSessionMinutes(debrief, 0);
  return { debrief, checkIns: new CheckInWindows(debrief.context), reader: await openExtensionPage(debrief, 'popup.html') };
}

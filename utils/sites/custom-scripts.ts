import { browser } from 'wxt/browser';
import { customSites } from '../storage';
import { registeredCallPageScripts, REGISTERED_IDS } from '../session/content-scripts';
import { customMatchPattern } from './custom';

/** Registers Debrief's call-page scripts on exactly the custom hosts we hold permission for. */
export async function syncCustomContentScripts(hosts: readonly string[]): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: REGISTERED_IDS });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: registered.map((s) => s.id) });
  if (hosts.length === 0) return;
  await browser.scripting.registerContentScripts(registeredCallPageScripts(hosts.map(customMatchPattern)));
}

/**
 * Adds a custom site: asks for its permission (must run in a click handler), then
 * registers the content scripts there. Resolves false when the person declines.
 */
export async function addCustomSite(host: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [customMatchPattern(host)] });
  if (!granted) return false;
  await watchHost(host);
  return true;
}

/** Adds a host whose permission is granted to the custom sites and registers the content scripts there. */
export async function watchHost(host: string): Promise<void> {
  const hosts = await customSites.getValue();
  const next = hosts.includes(host) ? hosts : [...hosts, host];
  await customSites.setValue(next);
  await syncCustomContentScripts(next);
}

/** Removes a custom site, its content scripts and its permission. */
export async function removeCustomSite(host: string): Promise<void> {
  const next = (await customSites.getValue()).filter((h) => h !== host);
  await customSites.setValue(next);
  await syncCustomContentScripts(next);
  await browser.permissions.remove({ origins: [customMatchPattern(host)] });
}

import type { ComponentType } from 'preact';
import { HistoryView } from './views/History';
import { SettingsView } from './views/Settings';

export interface OptionsRoute {
  /** The hash path, e.g. `history` for `#/history`. */
  path: string;
  label: string;
  view: ComponentType;
}

/** The options page's views, in tab order. A new view is one entry here. */
export const ROUTES: readonly OptionsRoute[] = [
  { path: 'history', label: 'History', view: HistoryView },
  { path: 'settings', label: 'Settings', view: SettingsView },
];

export function routeForHash(hash: string): OptionsRoute {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return ROUTES.find((route) => route.path === path) ?? ROUTES[0]!;
}

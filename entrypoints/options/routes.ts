import type { ComponentType } from 'preact';
import { GoalsView } from './views/Goals';
import { HistoryView } from './views/History';
import { SettingsView } from './views/Settings';
import { SummaryView } from './views/Summary';
import { SyncView } from './views/Sync';
import { TrendsView } from './views/Trends';

export interface OptionsRoute {
  /** The hash path, e.g. `history` for `#/history`. */
  path: string;
  label: string;
  view: ComponentType;
}

/** The options page's views, in tab order. A new view is one entry here. */
export const ROUTES: readonly OptionsRoute[] = [
  { path: 'history', label: 'History', view: HistoryView },
  { path: 'trends', label: 'Trends', view: TrendsView },
  { path: 'goals', label: 'Goals', view: GoalsView },
  { path: 'summary', label: 'Summary to share', view: SummaryView },
  { path: 'sync', label: 'Sync & backup', view: SyncView },
  { path: 'settings', label: 'Settings', view: SettingsView },
];

export function routeForHash(hash: string): OptionsRoute {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return ROUTES.find((route) => route.path === path) ?? ROUTES[0]!;
}

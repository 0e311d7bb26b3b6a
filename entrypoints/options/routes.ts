import type { ComponentType } from 'preact';
import { parseHashRoute } from '@/utils/hash-route';
import { t } from '@/utils/i18n';
import { GoalsView } from './views/Goals';
import { HistoryView } from './views/History';
import { SettingsView } from './views/Settings';
import { SummaryView } from './views/Summary';
import { SyncView } from './views/Sync';
import { preloadTrends, TrendsView } from './views/Trends';

export interface OptionsRoute {
  /** The hash path, e.g. `history` for `#/history`. */
  path: string;
  /** The view's name in the browser's language. */
  label(): string;
  view: ComponentType;
  /** Starts what the view will read as the page opens on it, before the page first renders; settles once read. */
  preload?: () => Promise<unknown>;
}

/** The options page's views, in tab order. A new view is one entry here. */
export const ROUTES: readonly OptionsRoute[] = [
  { path: 'history', label: () => t('options.history'), view: HistoryView },
  { path: 'trends', label: () => t('options.trends'), view: TrendsView, preload: preloadTrends },
  { path: 'goals', label: () => t('options.goals'), view: GoalsView },
  { path: 'summary', label: () => t('options.summary'), view: SummaryView },
  { path: 'sync', label: () => t('options.sync'), view: SyncView },
  { path: 'settings', label: () => t('options.settings'), view: SettingsView },
];

export function routeForHash(hash: string): OptionsRoute {
  const [path] = parseHashRoute(hash).segments;
  return ROUTES.find((route) => route.path === path) ?? ROUTES[0]!;
}

import { parseHashRoute } from '@/utils/hash-route';
import { t } from '@/utils/i18n';
import { eagerView, lazyView, type LazyView } from './lazy-view';
import { HistoryView } from './views/History';
import { TrendsView } from './views/Trends';

export interface OptionsRoute {
  /** The hash path, e.g. `history` for `#/history`. */
  path: string;
  /** The view's name in the browser's language. */
  label(): string;
  /**
   * The views a person opens first (History, Trends) come with the page, since a chunk loaded
   * after it is a second round of file reads the first screen waits for; the others load on first use.
   */
  view: LazyView;
}

/** The options page's views, in tab order. A new view is one entry here. */
export const ROUTES: readonly OptionsRoute[] = [
  { path: 'history', label: () => t('options.history'), view: eagerView(HistoryView) },
  { path: 'trends', label: () => t('options.trends'), view: eagerView(TrendsView) },
  { path: 'goals', label: () => t('options.goals'), view: lazyView(() => import('./views/Goals').then((m) => m.GoalsView)) },
  { path: 'summary', label: () => t('options.summary'), view: lazyView(() => import('./views/Summary').then((m) => m.SummaryView)) },
  { path: 'sync', label: () => t('options.sync'), view: lazyView(() => import('./views/Sync').then((m) => m.SyncView)) },
  { path: 'settings', label: () => t('options.settings'), view: lazyView(() => import('./views/Settings').then((m) => m.SettingsView)) },
];

export function routeForHash(hash: string): OptionsRoute {
  const [path] = parseHashRoute(hash).segments;
  return ROUTES.find((route) => route.path === path) ?? ROUTES[0]!;
}

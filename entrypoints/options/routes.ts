import { parseHashRoute } from '@/utils/hash-route';
import { t } from '@/utils/i18n';
import { lazyView, type LazyView } from './lazy-view';

export interface OptionsRoute {
  /** The hash path, e.g. `history` for `#/history`. */
  path: string;
  /** The view's name in the browser's language. */
  label(): string;
  /** Each view's code is its own chunk: the first screen loads only the view it shows. */
  view: LazyView;
}

/** The options page's views, in tab order. A new view is one entry here. */
export const ROUTES: readonly OptionsRoute[] = [
  { path: 'history', label: () => t('options.history'), view: lazyView(() => import('./views/History').then((m) => m.HistoryView)) },
  { path: 'trends', label: () => t('options.trends'), view: lazyView(() => import('./views/Trends').then((m) => m.TrendsView)) },
  { path: 'goals', label: () => t('options.goals'), view: lazyView(() => import('./views/Goals').then((m) => m.GoalsView)) },
  { path: 'summary', label: () => t('options.summary'), view: lazyView(() => import('./views/Summary').then((m) => m.SummaryView)) },
  { path: 'sync', label: () => t('options.sync'), view: lazyView(() => import('./views/Sync').then((m) => m.SyncView)) },
  { path: 'settings', label: () => t('options.settings'), view: lazyView(() => import('./views/Settings').then((m) => m.SettingsView)) },
];

export function routeForHash(hash: string): OptionsRoute {
  const [path] = parseHashRoute(hash).segments;
  return ROUTES.find((route) => route.path === path) ?? ROUTES[0]!;
}

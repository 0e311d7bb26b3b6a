import { render } from 'preact';
import '@/components/styles.css';
// Every view's style is in the page's one stylesheet: a view's code then loads no sheet of its own,
// which would restyle the whole page as it arrives.
import '@/components/history.css';
import '@/components/trends.css';
import '@/components/sync.css';
import 'uplot/dist/uPlot.min.css';
import { t } from '@/utils/i18n';
import { App } from './App';
import { routeForHash } from './routes';

// The view the address names loads at once, beside the page's own start (App shows the error if it fails).
routeForHash(location.hash)
  .view.load()
  .catch(() => undefined);
// Changes made on any options view reach the sync folder, not only while Sync is open.
void import('./services').then(({ pageSyncFolder }) => pageSyncFolder.startAutoWrite());
document.documentElement.lang = t('app.lang');
render(<App />, document.getElementById('app')!);

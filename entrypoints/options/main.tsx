import { render } from 'preact';
import '@/components/styles.css';
import { t } from '@/utils/i18n';
import { App } from './App';
import { routeForHash } from './routes';
import { pageSyncFolder } from './services';

const opening = routeForHash(location.hash).preload?.();
// Changes made on any options view reach the sync folder, not only while Sync is open. Its first look
// counts every store, so it waits for the view's opening read (nothing can be changed before it shows).
void (opening ?? Promise.resolve()).finally(() => pageSyncFolder.startAutoWrite());
document.documentElement.lang = t('app.lang');
render(<App />, document.getElementById('app')!);

import { render } from 'preact';
import '@/components/styles.css';
import { t } from '@/utils/i18n';
import { App } from './App';
import { pageSyncFolder } from './services';

// Changes made on any options view reach the sync folder, not only while Sync is open.
pageSyncFolder.startAutoWrite();
document.documentElement.lang = t('app.lang');
render(<App />, document.getElementById('app')!);

import { render } from 'preact';
import '@/components/styles.css';
import { getDb } from '@/utils/db/open';
import { t } from '@/utils/i18n';
import { App } from './App';
import { startSyncFolderAutoWrite } from './views/SyncFolderSection';

// Changes made on any options view reach the sync folder, not only while Sync is open.
startSyncFolderAutoWrite(getDb);
document.documentElement.lang = t('app.lang');
render(<App />, document.getElementById('app')!);

import { render } from 'preact';
import '@/components/styles.css';
import { getDb } from '@/utils/db/open';
import { App } from './App';
import { startSyncFolderAutoWrite } from './views/SyncFolderSection';

// Changes made on any options view reach the sync folder, not only while Sync is open.
startSyncFolderAutoWrite(getDb);
render(<App />, document.getElementById('app')!);

import { render } from 'preact';
import '@/components/styles.css';
import { t } from '@/utils/i18n';
import { App } from './App';

document.documentElement.lang = t('app.lang');
document.title = t('app.name');
render(<App />, document.getElementById('app')!);

import { render } from 'preact';
import '@/components/styles.css';
import { t } from '@/utils/i18n';
import { App } from './App';

document.documentElement.lang = t('app.lang');
render(<App />, document.getElementById('app')!);

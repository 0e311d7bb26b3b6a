import { render } from 'preact';
import '@/components/styles.css';
import { t } from '@/utils/i18n';
import { App } from './App';
import { ReflectionView } from './Reflection';

const params = new URLSearchParams(location.search);
const reflectId = params.get('reflect');
document.documentElement.lang = t('app.lang');
document.title = t('checkIn.windowTitle');
render(
  reflectId ? (
    <main class="check-in-page">
      <h1>{t('reflection.heading')}</h1>
      <ReflectionView checkInId={reflectId} />
    </main>
  ) : (
    <App sessionId={params.get('session')} />
  ),
  document.getElementById('app')!,
);

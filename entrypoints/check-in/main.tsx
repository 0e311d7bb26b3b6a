import { render } from 'preact';
import '@/components/styles.css';
import { App } from './App';
import { ReflectionView } from './Reflection';

const params = new URLSearchParams(location.search);
const reflectId = params.get('reflect');
render(
  reflectId ? (
    <main class="check-in-page">
      <h1>A moment to reflect</h1>
      <ReflectionView checkInId={reflectId} />
    </main>
  ) : (
    <App sessionId={params.get('session')} />
  ),
  document.getElementById('app')!,
);

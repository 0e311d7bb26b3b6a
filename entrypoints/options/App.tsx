import { useEffect } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { ROUTES, routeForHash } from './routes';
import { useLocationHash } from './use-location-hash';
import { useLockState } from './use-lock-state';
import { UnlockForm } from '@/components/UnlockForm';

export function App() {
  const [hash] = useLocationHash();
  const route = routeForHash(hash);
  const View = route.view;
  const lock = useLockState();
  useEffect(() => {
    document.title = t('options.documentTitle', { view: route.label() });
  }, [route]);

  return (
    <div class="options">
      <header class="options-header">
        <h1>{t('app.name')}</h1>
        <nav aria-label={t('options.sections')}>
          <ul>
            {ROUTES.map((r) => (
              <li key={r.path}>
                <a href={`#/${r.path}`} aria-current={r === route ? 'page' : undefined}>
                  {r.label()}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <h2>{route.label()}</h2>
        {/* While locked every view but Settings shows what the person wrote: unlock first. Off and
            unlocked read alike, so a view stays as it is when an import locks Debrief here. */}
        {lock.state === 'locked' && route.path !== 'settings' ? (
          <UnlockForm onUnlock={lock.tryUnlock} />
        ) : (
          lock.state !== null && <View key={route.path === 'settings' ? route.path : 'readable'} />
        )}
      </main>
    </div>
  );
}

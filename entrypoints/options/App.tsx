import { useEffect } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { ROUTES, routeForHash, type OptionsRoute } from './routes';
import { useLocationHash } from './use-location-hash';
import { useLockState } from './use-lock-state';
import { UnlockForm } from '@/components/UnlockForm';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useLazyView } from './lazy-view';

const preload = (route: OptionsRoute) => void route.view.load().catch(() => undefined);

export function App() {
  const [hash] = useLocationHash();
  const route = routeForHash(hash);
  const { view: View, error } = useLazyView(route.view);
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
                {/* A view's code loads as the pointer or focus reaches its link, so following it rarely waits. */}
                <a href={`#/${r.path}`} aria-current={r === route ? 'page' : undefined} onPointerEnter={() => preload(r)} onFocus={() => preload(r)}>
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
          lock.state !== null &&
          (View ? (
            <View key={route.path === 'settings' ? route.path : 'readable'} />
          ) : error ? (
            <ErrorAlert message={error} />
          ) : (
            <p aria-busy="true">{t('common.loading')}</p>
          ))
        )}
      </main>
    </div>
  );
}

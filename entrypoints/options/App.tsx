import { useEffect, useState } from 'preact/hooks';
import { ROUTES, routeForHash } from './routes';

export function App() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onHashChange = () => setHash(location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const route = routeForHash(hash);
  const View = route.view;
  useEffect(() => {
    document.title = `${route.label} · Debrief`;
  }, [route]);

  return (
    <div class="options">
      <header class="options-header">
        <h1>Debrief</h1>
        <nav aria-label="Sections">
          <ul>
            {ROUTES.map((r) => (
              <li key={r.path}>
                <a href={`#/${r.path}`} aria-current={r === route ? 'page' : undefined}>
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <h2>{route.label}</h2>
        <View />
      </main>
    </div>
  );
}

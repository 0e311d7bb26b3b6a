import { useEffect, useState } from 'preact/hooks';

/**
 * `location.hash`, kept current, with a setter for changes made by `history.replaceState` (which
 * fires no event). Read again once listening, so a change between the first render and the
 * listener being added (a link followed while the page starts) is not lost.
 */
export function useLocationHash(): [string, (hash: string) => void] {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onHashChange = () => setHash(location.hash);
    window.addEventListener('hashchange', onHashChange);
    onHashChange();
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return [hash, setHash];
}

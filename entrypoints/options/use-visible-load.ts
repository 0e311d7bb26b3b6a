import { useEffect } from 'preact/hooks';

/** Loads now, and again whenever the page comes back into view (from the check-in window or another tab). */
export function useVisibleLoad(load: () => Promise<void>): void {
  useEffect(() => {
    void load();
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);
}

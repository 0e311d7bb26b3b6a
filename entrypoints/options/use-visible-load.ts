import { useLayoutEffect } from 'preact/hooks';

/** Loads now, and again whenever the page comes back into view (from the check-in window or another tab). */
export function useVisibleLoad(load: () => Promise<void>): void {
  // A layout effect starts the read as the view is first rendered; a plain effect waits a frame for it.
  useLayoutEffect(() => {
    void load();
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);
}

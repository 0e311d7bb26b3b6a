import type { ComponentType } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { messageOf } from '@/utils/errors';

/** A view whose code loads on first use, so the page's first screen waits only for its own view. */
export interface LazyView {
  /** Starts loading (once; a failed load is tried again next time) and resolves with the view. */
  load(): Promise<ComponentType>;
  /** The view once loaded: a later visit draws it at once. */
  loaded(): ComponentType | undefined;
}

/** A view in the page's own chunk: drawn with the first render. */
export function eagerView(view: ComponentType): LazyView {
  return { load: () => Promise.resolve(view), loaded: () => view };
}

export function lazyView(importView: () => Promise<ComponentType>): LazyView {
  let view: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  return {
    load() {
      loading ??= importView().then(
        (loaded) => (view = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => view,
  };
}

/** The view if loaded, else starts loading it and renders again when it is (or with the error's message). */
export function useLazyView(lazy: LazyView): { view?: ComponentType; error?: string } {
  const [failed, setFailed] = useState<{ lazy: LazyView; message: string } | null>(null);
  const [, setLoaded] = useState<ComponentType | null>(null);
  const view = lazy.loaded();
  // A layout effect: the load may be done already, and a plain effect would wait a frame to see it.
  useLayoutEffect(() => {
    if (view) return;
    let current = true;
    lazy.load().then(
      (loaded) => current && setLoaded(() => loaded),
      (error: unknown) => current && setFailed({ lazy, message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [lazy, view]);
  if (view) return { view };
  return failed?.lazy === lazy ? { error: failed.message } : {};
}

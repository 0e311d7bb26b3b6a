/**
 * Calls `onChange` after the data changes, checking every `intervalMs` (IndexedDB has no
 * change events across pages). One call at a time; returns a function that stops it.
 */
export function watchForChanges(
  stampOf: () => Promise<string>,
  onChange: () => Promise<void>,
  { intervalMs = 3000, onError = (_error: unknown): void => undefined }: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): () => void {
  let last: string | null = null;
  let busy = false;
  let stopped = false;
  const check = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      const stamp = await stampOf();
      const changed = last !== null && stamp !== last;
      last = stamp;
      if (changed && !stopped) await onChange();
    } catch (error) {
      onError(error);
    } finally {
      busy = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), intervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

/**
 * Keeps at most one draft write in flight and only the newest value waiting, so fast
 * typing never builds a queue of stale writes that a closing window would cut short.
 */
export function latestOnlyWriter<T>(write: (value: T) => Promise<void>, onError: (error: unknown) => void) {
  let current: Promise<void> | null = null;
  let waiting: { value: T } | null = null;

  const run = (value: T) => {
    current = write(value)
      .catch(onError)
      .finally(() => {
        current = null;
        const next = waiting;
        waiting = null;
        if (next) run(next.value);
      });
  };

  return {
    write(value: T) {
      if (current) waiting = { value };
      else run(value);
    },
    /** Drops any waiting value and resolves once no write is in flight (before a save). */
    async settle() {
      waiting = null;
      while (current) await current;
    },
  };
}

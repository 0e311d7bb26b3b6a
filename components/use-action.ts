import { useState } from 'preact/hooks';
import { messageOf } from '@/utils/errors';

/**
 * The busy/error state of what a person asked for: `run` marks which action is under way (so its
 * button can say so), clears the last error, and on failure keeps the error in words to show.
 */
export function useAction(describeError: (error: unknown) => string = messageOf) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Runs `work`; resolves true when it succeeded. */
  const run = async (work: () => Promise<unknown>, label = 'working'): Promise<boolean> => {
    setBusy(label);
    setError(null);
    try {
      await work();
      return true;
    } catch (err) {
      setError(describeError(err));
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, setError, run };
}

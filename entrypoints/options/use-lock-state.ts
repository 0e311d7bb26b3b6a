import { useEffect, useState } from 'preact/hooks';
import { lockState, type LockState } from '@/utils/db/lock';
import { unlock } from '@/utils/db/unlock';
import { getDb } from '@/utils/db/open';
import { unlockedLock } from '@/utils/storage';

const readLockState = (): Promise<LockState> => getDb().then(lockState);

/** The lock as the page shows it (null until known), kept current when another page or the popup locks or unlocks. */
export function useLockState(): { state: LockState | null; refresh(): Promise<void>; tryUnlock(secret: string): Promise<boolean> } {
  // Read as the page first renders, not a frame later in the effect: every view but Settings waits for it.
  const [first] = useState(() => readLockState().catch((): LockState => 'off'));
  const [state, setState] = useState<LockState | null>(null);
  const refresh = async () => setState(await readLockState());
  useEffect(() => {
    void first.then(setState);
    // Each read pushes the idle time back: only a key gained or lost changes what the page shows.
    return unlockedLock.watch((held, before) => {
      if (!held !== !before) void refresh();
    });
  }, [first]);
  const tryUnlock = async (secret: string) => {
    const opened = await unlock(await getDb(), secret);
    if (opened) await refresh();
    return opened;
  };
  return { state, refresh, tryUnlock };
}

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ReflectionForm } from '@/components/ReflectionForm';
import { formatDateTime } from '@/utils/checkin/format';
import { getCheckIn, updateCheckIn } from '@/utils/db/checkins';
import { isLocked } from '@/utils/db/errors';
import { unlock } from '@/utils/db/unlock';
import { getDb } from '@/utils/db/open';
import { t } from '@/utils/i18n';
import { forgetReflection } from '@/utils/db/reflections';
import type { CheckIn } from '@/utils/db/schema';
import { localIsoString } from '@/utils/db/time';
import type { PageMessage } from '@/utils/session/messages';
import { platformName } from '@/utils/sites/catalog';
import { messageOf } from '@/utils/errors';
import { ErrorAlert } from '@/components/ErrorAlert';
import { UnlockForm } from '@/components/UnlockForm';

function sessionLabel(checkIn: CheckIn): string {
  const where = checkIn.platform ? platformName(checkIn.platform) : t('common.manualCheckIn');
  return `${where} · ${formatDateTime(checkIn.sessionStartedAt ?? checkIn.createdAt)}`;
}

/** Reflection mode: the answer is added to the check-in it follows. */
export function ReflectionView({ checkInId }: { checkInId: string }) {
  const [checkIn, setCheckIn] = useState<CheckIn | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  // While locked the check-in (and its takeaway) is sealed: the unlock form, then the follow-up.
  const [locked, setLocked] = useState(false);
  const [unlocks, setUnlocks] = useState(0);
  useEffect(() => {
    getDb()
      .then((db) => getCheckIn(db, checkInId))
      .then(
        (found) => {
          setLocked(false);
          setCheckIn(found ?? null);
        },
        (err: unknown) => (isLocked(err) ? setLocked(true) : setError(messageOf(err))),
      );
  }, [checkInId, unlocks]);
  const tryUnlock = async (secret: string) => {
    const opened = await unlock(await getDb(), secret);
    if (opened) setUnlocks((n) => n + 1);
    return opened;
  };

  if (error) return <ErrorAlert message={error} />;
  if (locked) return <UnlockForm onUnlock={tryUnlock} text={t('lock.reflectionLocked')} />;
  if (checkIn === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  if (checkIn === null) return <p class="notice">{t('reflection.checkInGone')}</p>;
  return (
    <ReflectionForm
      sessionLabel={sessionLabel(checkIn)}
      takeaway={checkIn.notes.takeaway}
      onSave={async ({ used, text }) => {
        const db = await getDb();
        await updateCheckIn(db, checkIn.id, () => ({ reflection: { answeredAt: localIsoString(), used, text } }));
        await forgetReflection(db, checkIn.id);
        await browser.runtime.sendMessage({ type: 'waiting-changed' } satisfies PageMessage).catch(() => undefined);
      }}
    />
  );
}

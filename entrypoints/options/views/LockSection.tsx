import { useEffect, useState } from 'preact/hooks';
import { LockSettings } from '@/components/LockSettings';
import { LockSetup } from '@/components/LockSetup';
import { t } from '@/utils/i18n';
import { changePassphrase, turnLockOff, turnLockOn } from '@/utils/db/lock-turn';
import { getDb } from '@/utils/db/open';
import { passphraseProblem } from '@/utils/lock/passphrase';
import { forgetUnlocked } from '@/utils/lock/session';
import { lockIdleMinutes } from '@/utils/storage';
import { useLockState } from '../use-lock-state';

/** Settings → the lock: set it, change its passphrase, lock now, turn it off. */
export function LockSection() {
  const { state, refresh, tryUnlock } = useLockState();
  const [idleMinutes, setIdleMinutes] = useState<number | null>(null);
  const [settingUp, setSettingUp] = useState(false);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    void lockIdleMinutes.getValue().then(setIdleMinutes);
  }, []);

  if (state === null || idleMinutes === null) return null;
  return (
    <section class="lock-section" aria-labelledby="lock-heading">
      <h3 id="lock-heading">{t('lock.heading')}</h3>
      {state === 'off' || settingUp ? (
        <>
          <p>{t('lock.intro')}</p>
          <LockSetup
            problem={passphraseProblem}
            onSet={async (passphrase) => {
              setSettingUp(true);
              setNotice('');
              try {
                return await turnLockOn(await getDb(), passphrase);
              } catch (error) {
                setSettingUp(false);
                throw error;
              }
            }}
            onCopy={(recoveryKey) => navigator.clipboard.writeText(recoveryKey)}
            onPrint={() => window.print()}
            onDone={() => {
              setSettingUp(false);
              void refresh();
            }}
          />
        </>
      ) : (
        <LockSettings
          unlocked={state === 'unlocked'}
          idleMinutes={idleMinutes}
          onIdleMinutes={(minutes) => {
            setIdleMinutes(minutes);
            void lockIdleMinutes.setValue(minutes);
          }}
          onUnlock={tryUnlock}
          onLockNow={() => void forgetUnlocked().then(refresh)}
          problem={passphraseProblem}
          onChangePassphrase={async (passphrase) => changePassphrase(await getDb(), passphrase)}
          onTurnOff={async () => {
            await turnLockOff(await getDb());
            setNotice(t('lock.offDone'));
            await refresh();
          }}
        />
      )}
      {state === 'off' && !settingUp && <p role="status">{notice}</p>}
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SettingsForm, type SettingsValues } from '@/components/SettingsForm';
import { t } from '@/utils/i18n';
import { parseCustomHost } from '@/utils/sites/custom';
import { addCustomSite, removeCustomSite } from '@/utils/sites/custom-scripts';
import { SITES } from '@/utils/sites/registry';
import { bringUpNotify, customSites, disabledPlatforms, endAction, minSessionMinutes, reflectionDelayHours, setPlatformAsked, unansweredDays } from '@/utils/storage';
import type { PageMessage } from '@/utils/session/messages';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useAction } from '@/components/use-action';
import { messageOf } from '@/utils/errors';
import { LockSection } from './LockSection';
import { RoomsSection } from './RoomsSection';

async function loadSettings(): Promise<SettingsValues> {
  const [minutes, action, delay, disabled, custom, notifyBringUp, days] = await Promise.all([
    minSessionMinutes.getValue(),
    endAction.getValue(),
    reflectionDelayHours.getValue(),
    disabledPlatforms.getValue(),
    customSites.getValue(),
    bringUpNotify.getValue(),
    unansweredDays.getValue(),
  ]);
  return {
    minSessionMinutes: minutes,
    endAction: action,
    reflectionDelayHours: delay,
    unansweredDays: days,
    bringUpNotify: notifyBringUp,
    platforms: SITES.map((site) => ({ id: site.id, name: site.name, enabled: !disabled.includes(site.id) })),
    customSites: custom,
  };
}

export function SettingsView() {
  const [values, setValues] = useState<SettingsValues | null>(null);
  const { error, setError, run } = useAction((err) => t('settings.notSaved', { error: messageOf(err) }));
  const reload = () => loadSettings().then(setValues, (err: unknown) => setError(messageOf(err)));
  useEffect(() => {
    void reload();
    const unwatch = [disabledPlatforms.watch(() => void reload()), customSites.watch(() => void reload())];
    return () => unwatch.forEach((stop) => stop());
  }, []);

  // Each change is saved as it is made; the status line says so (and a failure says why instead).
  const [saved, setSaved] = useState(false);
  const save = (work: Promise<unknown>) => {
    setSaved(false);
    void run(() => work).then(setSaved);
  };
  if (!values) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <>
      <ErrorAlert message={error} />
      <p role="status" class="status-line settings-saved">
        {saved && t('settings.saved')}
      </p>
      <SettingsForm
        values={values}
        customSitesUnsupported={
          // Older Firefox lacks dynamic content scripts; say so instead of failing on click.
          'registerContentScripts' in (browser.scripting ?? {}) ? undefined : t('settings.unsupported')
        }
        onMinSessionMinutes={(minutes) => save(minSessionMinutes.setValue(minutes))}
        onEndAction={(action) => {
          setValues({ ...values, endAction: action });
          save(endAction.setValue(action));
        }}
        onReflectionDelayHours={(hours) => save(reflectionDelayHours.setValue(hours))}
        onUnansweredDays={(days) => {
          // The badge recounts with the new age at once.
          const changed: PageMessage = { type: 'waiting-changed' };
          save(unansweredDays.setValue(days).then(() => browser.runtime.sendMessage(changed)));
        }}
        onBringUpNotify={(on) => {
          setValues({ ...values, bringUpNotify: on });
          save(bringUpNotify.setValue(on));
        }}
        onPlatformToggle={(id, enabled) => {
          // Shown at once, like the other choices: the box must not flip back while storage catches up.
          setValues({ ...values, platforms: values.platforms.map((platform) => (platform.id === id ? { ...platform, enabled } : platform)) });
          save(setPlatformAsked(id, enabled));
        }}
        onAddSite={async (input) => {
          const parsed = parseCustomHost(input);
          if ('error' in parsed) return parsed.error;
          try {
            const granted = await addCustomSite(parsed.host);
            return granted ? null : t('settings.notGranted', { host: parsed.host });
          } catch (err) {
            return t('settings.addFailed', { host: parsed.host, error: messageOf(err) });
          }
        }}
        onRemoveSite={(host) => save(removeCustomSite(host))}
      />
      <RoomsSection />
      <LockSection />
    </>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SettingsForm, type SettingsValues } from '@/components/SettingsForm';
import { t } from '@/utils/i18n';
import { parseCustomHost } from '@/utils/sites/custom';
import { addCustomSite, removeCustomSite } from '@/utils/sites/custom-scripts';
import { SITES } from '@/utils/sites/registry';
import { bringUpNotify, customSites, disabledPlatforms, endAction, minSessionMinutes, reflectionDelayHours, setPlatformAsked } from '@/utils/storage';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useAction } from '@/components/use-action';
import { messageOf } from '@/utils/errors';
import { LockSection } from './LockSection';

async function loadSettings(): Promise<SettingsValues> {
  const [minutes, action, delay, disabled, custom, notifyBringUp] = await Promise.all([
    minSessionMinutes.getValue(),
    endAction.getValue(),
    reflectionDelayHours.getValue(),
    disabledPlatforms.getValue(),
    customSites.getValue(),
    bringUpNotify.getValue(),
  ]);
  return {
    minSessionMinutes: minutes,
    endAction: action,
    reflectionDelayHours: delay,
    bringUpNotify: notifyBringUp,
    platforms: SITES.map((site) => ({ id: site.id, name: site.name, enabled: !disabled.includes(site.id) })),
    customSites: custom,
  };
}

export function SettingsView() {
  const [values, setValues] = useState<SettingsValues | null>(null);
  const { error, setError, run } = useAction((err) => t('settings.notSaved', { error: String(err) }));
  const reload = () => loadSettings().then(setValues, (err: unknown) => setError(String(err)));
  useEffect(() => {
    void reload();
    const unwatch = [disabledPlatforms.watch(() => void reload()), customSites.watch(() => void reload())];
    return () => unwatch.forEach((stop) => stop());
  }, []);

  const save = (work: Promise<unknown>) => void run(() => work);
  if (!values) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <>
      <ErrorAlert message={error} />
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
      <LockSection />
    </>
  );
}

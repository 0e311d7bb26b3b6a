import { useId, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { EndAction } from '@/utils/storage';
import { ErrorAlert } from './ErrorAlert';

export interface PlatformToggle {
  id: string;
  name: string;
  enabled: boolean;
}

export interface SettingsValues {
  minSessionMinutes: number;
  endAction: EndAction;
  reflectionDelayHours: number;
  /** Notify when a session starts and a note waits to be brought up. */
  bringUpNotify: boolean;
  platforms: PlatformToggle[];
  customSites: string[];
}

export interface SettingsFormProps {
  values: SettingsValues;
  /** Set when custom sites cannot be added in this browser. */
  customSitesUnsupported?: string;
  onMinSessionMinutes(minutes: number): void;
  onEndAction(action: EndAction): void;
  onReflectionDelayHours(hours: number): void;
  onBringUpNotify(on: boolean): void;
  onPlatformToggle(id: string, enabled: boolean): void;
  /** Resolves to an error message to show, or null on success. */
  onAddSite(input: string): Promise<string | null>;
  onRemoveSite(host: string): void;
}

const END_ACTIONS: { value: EndAction; label(): string }[] = [
  { value: 'window', label: () => t('settings.endWindow') },
  { value: 'notification', label: () => t('settings.endNotification') },
  { value: 'badge', label: () => t('settings.endBadge') },
];

/** A whole number typed in a settings field, or null when it is not one from `min` to `max`. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** Detection and reminder settings; every change is saved as it is made. */
export function SettingsForm(props: SettingsFormProps) {
  const id = useId();
  const { values } = props;
  const [minutesText, setMinutesText] = useState(String(values.minSessionMinutes));
  const [minutesError, setMinutesError] = useState<string | null>(null);
  const [siteInput, setSiteInput] = useState('');
  const [siteMessage, setSiteMessage] = useState<string | null>(null);

  const addSite = async (event: Event) => {
    event.preventDefault();
    const error = await props.onAddSite(siteInput);
    setSiteMessage(error);
    if (!error) setSiteInput('');
  };

  return (
    <div class="settings">
      <section aria-labelledby={`${id}-detect`}>
        <h3 id={`${id}-detect`}>{t('settings.afterSession')}</h3>
        <label class="field">
          <span>{t('settings.minLength')}</span>
          <input
            type="number"
            min={0}
            max={240}
            step={1}
            inputMode="numeric"
            value={minutesText}
            aria-describedby={`${id}-min-help`}
            aria-invalid={minutesError ? true : undefined}
            onInput={(e) => {
              const text = e.currentTarget.value;
              setMinutesText(text);
              const minutes = wholeNumber(text, 0, 240);
              setMinutesError(minutes === null ? t('settings.minError') : null);
              if (minutes !== null) props.onMinSessionMinutes(minutes);
            }}
          />
        </label>
        <p id={`${id}-min-help`} class="hint">
          {t('settings.minHelp')}
        </p>
        <ErrorAlert message={minutesError} />
        <fieldset class="choice-group">
          <legend>{t('settings.whenEnds')}</legend>
          {END_ACTIONS.map((action) => (
            <label key={action.value} class="choice">
              <input
                type="radio"
                name={`${id}-end-action`}
                checked={values.endAction === action.value}
                onChange={() => props.onEndAction(action.value)}
              />
              {action.label()}
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span>{t('settings.reflectAfter')}</span>
          <input
            type="number"
            min={0}
            max={168}
            step={1}
            value={values.reflectionDelayHours}
            aria-describedby={`${id}-reflect-help`}
            onInput={(e) => {
              const hours = wholeNumber(e.currentTarget.value, 0, 168);
              if (hours !== null) props.onReflectionDelayHours(hours);
            }}
          />
        </label>
        <p id={`${id}-reflect-help`} class="hint">
          {t('settings.reflectHelp')}
        </p>
        <label class="choice">
          <input type="checkbox" checked={values.bringUpNotify} onChange={(e) => props.onBringUpNotify(e.currentTarget.checked)} />
          <span>{t('checkInFlow.bringUpNotify')}</span>
        </label>
      </section>

      <section aria-labelledby={`${id}-platforms`}>
        <h3 id={`${id}-platforms`}>{t('settings.platforms')}</h3>
        <p class="hint">{t('settings.platformsHint')}</p>
        <ul class="platform-list">
          {values.platforms.map((platform) => (
            <li key={platform.id}>
              <label class="choice">
                <input
                  type="checkbox"
                  checked={platform.enabled}
                  onChange={(e) => props.onPlatformToggle(platform.id, e.currentTarget.checked)}
                />
                {platform.name}
              </label>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={`${id}-custom`}>
        <h3 id={`${id}-custom`}>{t('settings.ownSites')}</h3>
        {props.customSitesUnsupported ? (
          <p class="notice">{props.customSitesUnsupported}</p>
        ) : (
          <form class="add-site" onSubmit={(e) => void addSite(e)}>
            <label class="field">
              <span>{t('settings.siteAddress')}</span>
              <input
                type="text"
                placeholder={t('settings.sitePlaceholder')}
                autocomplete="off"
                value={siteInput}
                onInput={(e) => setSiteInput(e.currentTarget.value)}
              />
            </label>
            <button type="submit">{t('settings.addSite')}</button>
          </form>
        )}
        <ErrorAlert message={siteMessage} />
        {values.customSites.length > 0 && (
          <ul class="platform-list" aria-label={t('settings.ownSites')}>
            {values.customSites.map((host) => (
              <li key={host}>
                {host}{' '}
                <button type="button" aria-label={t('settings.removeSite', { host })} onClick={() => props.onRemoveSite(host)}>
                  {t('settings.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

import { useId, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { EndAction } from '@/utils/storage';
import { ErrorAlert } from './ErrorAlert';
import { WholeNumberField } from './WholeNumberField';

export interface PlatformToggle {
  id: string;
  name: string;
  enabled: boolean;
}

export interface SettingsValues {
  minSessionMinutes: number;
  endAction: EndAction;
  reflectionDelayHours: number;
  /** Days a session waits for a check-in before it stops counting on the badge. */
  unansweredDays: number;
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
  onUnansweredDays(days: number): void;
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


/** Detection and reminder settings; every change is saved as it is made. */
export function SettingsForm(props: SettingsFormProps) {
  const id = useId();
  const { values } = props;
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
        <WholeNumberField
          id={`${id}-min`}
          label={t('settings.minLength')}
          help={t('settings.minHelp')}
          error={t('settings.minError')}
          min={0}
          max={240}
          value={values.minSessionMinutes}
          onValue={props.onMinSessionMinutes}
        />
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
        <WholeNumberField
          id={`${id}-reflect`}
          label={t('settings.reflectAfter')}
          help={t('settings.reflectHelp')}
          error={t('settings.reflectError')}
          min={0}
          max={168}
          value={values.reflectionDelayHours}
          onValue={props.onReflectionDelayHours}
        />
        <WholeNumberField
          id={`${id}-unanswered`}
          label={t('settings.unansweredDays')}
          help={t('settings.unansweredHelp')}
          error={t('settings.unansweredError')}
          min={1}
          max={60}
          value={values.unansweredDays}
          onValue={props.onUnansweredDays}
        />
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

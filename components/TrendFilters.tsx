import { useId } from 'preact/hooks';
import { isDateRangeReversed } from '@/utils/checkin/filters';
import type { CheckInFilter } from '@/utils/checkin/trends';
import { t } from '@/utils/i18n';

export interface TrendFiltersProps {
  value: CheckInFilter;
  onChange(filter: CheckInFilter): void;
  /** Providers named in check-ins, for the menu. */
  providers: string[];
}

/**
 * Date range and provider. Fields carry `name`s (from, to, provider) so they also work
 * inside a plain GET form, as the printable summary's choices do.
 */
export function TrendFilters({ value, onChange, providers }: TrendFiltersProps) {
  const id = useId();
  const backwards = isDateRangeReversed(value);
  const set = (patch: Partial<CheckInFilter>) => onChange({ ...value, ...patch });
  const filtered = value.from !== '' || value.to !== '' || value.provider !== '';
  return (
    <div class="trend-filters">
      <label class="field">
        <span>{t('common.from')}</span>
        <input
          type="date"
          name="from"
          value={value.from}
          aria-invalid={backwards || undefined}
          aria-describedby={backwards ? `${id}-range` : undefined}
          onInput={(e) => set({ from: e.currentTarget.value })}
        />
      </label>
      <label class="field">
        <span>{t('common.to')}</span>
        <input type="date" name="to" value={value.to} onInput={(e) => set({ to: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>{t('trends.provider')}</span>
        <select name="provider" value={value.provider} onChange={(e) => set({ provider: e.currentTarget.value })}>
          <option value="">{t('trends.allProviders')}</option>
          {providers.map((provider) => (
            <option key={provider} value={provider}>
              {provider}
            </option>
          ))}
          {value.provider !== '' && !providers.includes(value.provider) && <option value={value.provider}>{value.provider}</option>}
        </select>
      </label>
      {filtered && (
        <button type="button" class="trend-filters-clear" onClick={() => onChange({ from: '', to: '', provider: '' })}>
          {t('common.clearFilters')}
        </button>
      )}
      {backwards && (
        <p id={`${id}-range`} class="error trend-filters-error">
          {t('trends.reversed')}
        </p>
      )}
    </div>
  );
}

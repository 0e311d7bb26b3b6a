import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { EMPTY_FILTER, isFiltered, MANUAL_PLATFORM, type HistoryFacets, type HistoryFilter } from '@/utils/checkin/filters';
import { t } from '@/utils/i18n';

export interface HistoryFiltersProps {
  /** The filter as typed (the search text is applied by the page after a pause). */
  filter: HistoryFilter;
  facets: HistoryFacets;
  platformName(platform: string): string;
  goalName(goalId: string): string;
  onChange(filter: HistoryFilter): void;
}

interface ChoiceProps {
  label: string;
  anyLabel: string;
  value: string;
  choices: { value: string; label: string }[];
  onChange(value: string): void;
}

function Choice({ label, anyLabel, value, choices, onChange }: ChoiceProps) {
  // Keep a chosen value selectable even if no check-in carries it any more (e.g. after a delete).
  const options = value && !choices.some((c) => c.value === value) ? [...choices, { value, label: value }] : choices;
  return (
    <label class="field history-filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{anyLabel}</option>
        {options.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Search and filters for the history; every control has a visible label. */
export function HistoryFilters({ filter, facets, platformName, goalName, onChange }: HistoryFiltersProps) {
  const id = useId();
  const set = (patch: Partial<HistoryFilter>) => onChange({ ...filter, ...patch });
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  const platforms = facets.platforms
    .map((p) => ({ value: p, label: p === MANUAL_PLATFORM ? t('common.manual') : platformName(p) }))
    .sort(byLabel);
  const goals = facets.goalIds.map((g) => ({ value: g, label: goalName(g) })).sort(byLabel);
  const plain = (values: string[]) => values.map((v) => ({ value: v, label: v }));
  const dateInput = (label: string, key: 'from' | 'to'): JSX.Element => (
    <label class="field history-filter">
      <span>{label}</span>
      <input type="date" value={filter[key]} onInput={(e) => set({ [key]: e.currentTarget.value })} />
    </label>
  );

  return (
    <form role="search" aria-labelledby={`${id}-title`} class="history-filters" onSubmit={(e) => e.preventDefault()}>
      <h3 id={`${id}-title`} class="visually-hidden">
        {t('history.filtersTitle')}
      </h3>
      <div class="field history-search">
        <label for={`${id}-search`}>{t('history.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={filter.query}
          autocomplete="off"
          aria-describedby={`${id}-search-hint`}
          onInput={(e) => set({ query: e.currentTarget.value })}
        />
        <small id={`${id}-search-hint`} class="hint">
          {t('history.searchHint')}
        </small>
      </div>
      {dateInput(t('common.from'), 'from')}
      {dateInput(t('common.to'), 'to')}
      <Choice
        label={t('history.platform')}
        anyLabel={t('history.allPlatforms')}
        value={filter.platform}
        choices={platforms}
        onChange={(platform) => set({ platform })}
      />
      <Choice
        label={t('history.therapist')}
        anyLabel={t('history.anyTherapist')}
        value={filter.provider}
        choices={plain(facets.providers)}
        onChange={(provider) => set({ provider })}
      />
      <Choice label={t('history.tag')} anyLabel={t('history.anyTag')} value={filter.tag} choices={plain(facets.tags)} onChange={(tag) => set({ tag })} />
      <Choice label={t('history.goal')} anyLabel={t('history.anyGoal')} value={filter.goalId} choices={goals} onChange={(goalId) => set({ goalId })} />
      <div class="history-filter-actions">
        <button type="button" aria-disabled={!isFiltered(filter)} onClick={() => isFiltered(filter) && onChange(EMPTY_FILTER)}>
          {t('common.clearFilters')}
        </button>
      </div>
    </form>
  );
}

import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { EMPTY_FILTER, isFiltered, MANUAL_PLATFORM, type HistoryFacets, type HistoryFilter } from '@/utils/checkin/filters';

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
    .map((p) => ({ value: p, label: p === MANUAL_PLATFORM ? 'Manual' : platformName(p) }))
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
        Search and filter check-ins
      </h3>
      <div class="field history-search">
        <label for={`${id}-search`}>Search notes</label>
        <input
          id={`${id}-search`}
          type="search"
          value={filter.query}
          autocomplete="off"
          aria-describedby={`${id}-search-hint`}
          onInput={(e) => set({ query: e.currentTarget.value })}
        />
        <small id={`${id}-search-hint`} class="hint">
          Looks in notes, goal notes, tags, therapist and reflections.
        </small>
      </div>
      {dateInput('From', 'from')}
      {dateInput('To', 'to')}
      <Choice label="Platform" anyLabel="All platforms" value={filter.platform} choices={platforms} onChange={(platform) => set({ platform })} />
      <Choice label="Therapist" anyLabel="Any therapist" value={filter.provider} choices={plain(facets.providers)} onChange={(provider) => set({ provider })} />
      <Choice label="Tag" anyLabel="Any tag" value={filter.tag} choices={plain(facets.tags)} onChange={(tag) => set({ tag })} />
      <Choice label="Goal" anyLabel="Any goal" value={filter.goalId} choices={goals} onChange={(goalId) => set({ goalId })} />
      <div class="history-filter-actions">
        <button type="button" aria-disabled={!isFiltered(filter)} onClick={() => isFiltered(filter) && onChange(EMPTY_FILTER)}>
          Clear filters
        </button>
      </div>
    </form>
  );
}

import type { Goal } from '../db/schema';
import { formatNumber, t } from '../i18n/index.ts';
import { formatAverage, formatDay, mean, type GoalProgressEntry } from './trends';

/** One line on a goal's progress: "Rated in 19 sessions · latest 7/10 on … · average 6.2", or why there is none. */
export function goalProgressSummary(goal: Goal, progress: readonly GoalProgressEntry[], locale?: string): string {
  const rated = progress.filter((entry): entry is GoalProgressEntry & { rating: number } => entry.rating !== null);
  const latest = rated.at(-1);
  if (latest) {
    const average = formatAverage(mean(rated.map((entry) => entry.rating))!, locale);
    return t('goals.rated', rated.length, [formatNumber(rated.length, locale)], {
      latest: latest.rating,
      day: formatDay(latest.ms, locale),
      average,
    });
  }
  if (progress.length > 0) return t('goals.notesOnly', progress.length, [formatNumber(progress.length, locale)]);
  return goal.status === 'active' ? t('goals.noProgressActive') : t('goals.noProgress');
}

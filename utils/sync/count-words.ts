/** Counts of records in words, by kind: "40 check-ins, 38 sessions, 3 goals". */
import { formatNumber, t } from '../i18n/index.ts';
import type { MergeCounts, MergePreview } from './plan';

export const checkInCount = (count: number) => t('common.checkIns', count, [formatNumber(count)]);
export const sessionCount = (count: number) => t('common.sessions', count, [formatNumber(count)]);
export const goalCount = (count: number) => t('sync.goalCount', count, [formatNumber(count)]);
const roomCount = (count: number) => t('sync.roomCount', count, [formatNumber(count)]);

const KINDS = [
  ['checkIns', checkInCount],
  ['sessions', sessionCount],
  ['goals', goalCount],
  ['rooms', roomCount],
] as const;

/**
 * One count of a preview said kind by kind, leaving out the kinds with none ("40 check-ins, 3 goals");
 * "none" when no kind has any. A sum across kinds ("81") tells a person nothing.
 */
export function countByKind(preview: MergePreview, key: keyof MergeCounts): string {
  const parts = KINDS.filter(([store]) => preview.byStore[store][key] > 0).map(([store, say]) => say(preview.byStore[store][key]));
  return parts.length ? parts.join(', ') : t('sync.import.none');
}

/** Whether importing would change anything at all. */
export function changesSomething(preview: MergeCounts): boolean {
  return preview.new + preview.updated + preview.deleted + preview.keptAsHistory + preview.moved > 0;
}

/**
 * The packed month (TrendMonth) sealed with the lock's data key, in two parts: the trends' lists,
 * and the month's check-ins whole, as opened (every version). One decrypt opens a month,
 * so unlocked Trends and History read about as much as they do with no lock. Only the month key
 * stays readable; each part is bound to the month and to its own role.
 */
import type { CheckIn, TrendMonth } from '../db/schema';
import { openJson, sealJson, type SealPlace } from './envelope';

type Packed = Omit<TrendMonth, 'month' | 'sealed' | 'sealedCheckIns'>;

function placeOf(month: string, part: 'trends' | 'checkIns'): SealPlace {
  return { store: 'trendMonths', id: month, stamp: part };
}

/**
 * The month with its lists sealed (empty in the clear) beside its check-ins (opened): the private
 * key, so only an unlocked Debrief writes one.
 */
export async function sealTrendMonth(privateKey: CryptoKey, { month, ids, ms, createdMs, providers, ratings }: TrendMonth, checkIns: readonly CheckIn[]): Promise<TrendMonth> {
  const packed: Packed = { ids, ms, createdMs, providers, ratings };
  const [sealed, sealedCheckIns] = await Promise.all([sealJson(privateKey, placeOf(month, 'trends'), packed), sealJson(privateKey, placeOf(month, 'checkIns'), checkIns)]);
  return { month, ids: [], ms: [], createdMs: [], providers: [], ratings: [], sealed, sealedCheckIns };
}

/** The month's lists; throws BrokenSealError unless they open whole, for this very month. */
export async function openTrendMonth(privateKey: CryptoKey, month: TrendMonth): Promise<TrendMonth> {
  if (month.sealed === undefined) return month;
  const packed = (await openJson(privateKey, placeOf(month.month, 'trends'), month.sealed)) as Packed;
  return { month: month.month, ...packed };
}

/** The month's check-ins, opened; throws BrokenSealError unless they open whole, for this very month. */
export async function openMonthCheckIns(privateKey: CryptoKey, month: TrendMonth): Promise<CheckIn[]> {
  if (month.sealedCheckIns === undefined) return [];
  return (await openJson(privateKey, placeOf(month.month, 'checkIns'), month.sealedCheckIns)) as CheckIn[];
}

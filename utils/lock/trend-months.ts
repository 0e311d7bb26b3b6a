/**
 * The trends' packed month (TrendMonth) sealed whole with the lock's data key: one decrypt opens a
 * month of check-ins' ratings, so unlocked Trends reads about as much as it does with no lock.
 * Only the month key stays readable; every list inside is sealed.
 */
import type { TrendMonth } from '../db/schema';
import { openJson, sealJson, type SealPlace } from './envelope';

type Packed = Omit<TrendMonth, 'month' | 'sealed'>;

function placeOf(month: string): SealPlace {
  return { store: 'trendMonths', id: month, stamp: '' };
}

/** The month with its lists sealed (empty in the clear); the private key, so only an unlocked Debrief writes one. */
export async function sealTrendMonth(privateKey: CryptoKey, { month, ids, ms, createdMs, providers, ratings }: TrendMonth): Promise<TrendMonth> {
  const packed: Packed = { ids, ms, createdMs, providers, ratings };
  return { month, ids: [], ms: [], createdMs: [], providers: [], ratings: [], sealed: await sealJson(privateKey, placeOf(month), packed) };
}

/** The month as packed; throws BrokenSealError unless it opens whole, for this very month. */
export async function openTrendMonth(privateKey: CryptoKey, month: TrendMonth): Promise<TrendMonth> {
  if (month.sealed === undefined) return month;
  const packed = (await openJson(privateKey, placeOf(month.month), month.sealed)) as Packed;
  return { month: month.month, ...packed };
}

/** The time axis of a trend chart, so a few points sit on a span of days that fits them. */

const DAY_MS = 86_400_000;
/** A chart spans at least two weeks: one check-in sits in the middle, never at an edge. */
const MIN_DAYS = 14;
/** About this many labelled ticks on a short axis. */
const MAX_TICKS = 7;

export interface TimeAxis {
  /** The axis' ends, epoch ms. */
  min: number;
  max: number;
  /** Local midnights to label with a date, or null to let the chart choose (long spans). */
  ticks: number[] | null;
}

function midnight(ms: number): number {
  const day = new Date(ms);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
}

/** Adds whole calendar days (so a change of clocks never moves a tick off midnight). */
function addDays(ms: number, days: number): number {
  const day = new Date(ms);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + days).getTime();
}

/**
 * The axis for points taken at `times` (ascending): spans shorter than two weeks get a two-week
 * axis centred on them, ticked at whole days (never hours); longer spans run from the first to the last point.
 */
export function timeAxis(times: readonly number[]): TimeAxis | null {
  if (times.length === 0) return null;
  const first = times[0]!;
  const last = times[times.length - 1]!;
  if (last - first >= MIN_DAYS * DAY_MS) return { min: first, max: last, ticks: null };
  const spanDays = Math.ceil((midnight(last) - midnight(first)) / DAY_MS);
  const before = Math.floor((MIN_DAYS - spanDays) / 2);
  const min = addDays(midnight(first), -before);
  const max = addDays(min, MIN_DAYS);
  const step = Math.ceil(MIN_DAYS / (MAX_TICKS - 1));
  const ticks: number[] = [];
  for (let day = 0; day <= MIN_DAYS; day += step) ticks.push(addDays(min, day));
  return { min, max, ticks };
}

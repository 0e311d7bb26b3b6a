/**
 * Typing a number on a focused scale rates it and moves on. 0 and 2–9 are one key; 10 is "1"
 * then "0" typed within TEN_WINDOW_MS. A lone "1" waits that long before moving on, so the
 * "0" that makes it 10 lands on the same scale.
 */
export const TEN_WINDOW_MS = 800;

export interface DigitStep {
  /** The value to choose on the scale the key was typed on. */
  rate: number;
  /** 'now': focus the next scale; 'wait': stay for TEN_WINDOW_MS (a "1" that may become 10). */
  advance: 'now' | 'wait';
}

/**
 * What a key typed on a scale does, or null when it is not a digit. `afterOne` is true when the
 * previous key on this scale was a "1" still inside its window; a digit other than "0" then
 * belongs to the next scale, which the caller moves to before asking again with `afterOne` false.
 */
export function digitStep(key: string, afterOne: boolean): DigitStep | null {
  if (!/^[0-9]$/.test(key)) return null;
  if (afterOne && key === '0') return { rate: 10, advance: 'now' };
  if (key === '1') return { rate: 1, advance: 'wait' };
  return { rate: Number(key), advance: 'now' };
}

/** The accessible name of one radio on a Debrief scale, looked up by the scale's English name. */
import { OVERALL, ratingName, SIGNS } from '../../utils/checkin/instrument';

export function radioName(scaleName: string, value: number): string {
  const scale = [OVERALL, ...SIGNS].find((sign) => sign.name === scaleName);
  if (!scale) throw new Error(`no scale named “${scaleName}”`);
  return ratingName(value, scale.low, scale.high);
}

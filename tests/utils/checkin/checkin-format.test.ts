import { describe, expect, it } from 'vitest';
import { emptyNotes } from '@/utils/checkin/instrument';
import { formatDuration, formatRating, notesExcerpt } from '@/utils/checkin/format';
import { parseTags } from '@/utils/checkin/answers';

describe('formatting for lists', () => {
  it.each([
    [0, 20_000, 'under 1 min'],
    [0, 52 * 60_000, '52 min'],
    [0, 60 * 60_000, '1 h'],
    [0, 65 * 60_000, '1 h 5 min'],
    [1000, 0, null],
  ])('duration %i→%i is %j', (start, end, expected) => {
    expect(formatDuration(start, end)).toBe(expected);
  });

  it('joins notes and cuts at a word', () => {
    const notes = { ...emptyNotes(), helpful: 'We talked about   the weekend', takeaway: 'Take walks every morning before work starts' };
    expect(notesExcerpt({ notes }, 40)).toBe('We talked about the weekend · Take…');
    expect(notesExcerpt({ notes: emptyNotes() })).toBe('');
  });

  it('shows a skipped rating as a dash', () => {
    expect(formatRating(null)).toBe('—');
    expect(formatRating(7)).toBe('7/10');
  });

  it('splits tags, trimming and de-duplicating', () => {
    expect(parseTags(' work, family ,work,, ')).toEqual(['work', 'family']);
  });
});

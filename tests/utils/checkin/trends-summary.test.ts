import { describe, expect, it } from 'vitest';
import { emptyNotes } from '@/utils/checkin/instrument';
import { summaryChoiceFromQuery, summaryEntries, summaryPeriod, type SummaryChoice } from '@/utils/checkin/summary';
import { checkInOn } from '../../support/trends-fixtures';

describe('summary choice in the URL', () => {
  it.each<{ query: string; expected: SummaryChoice }>([
    { query: '', expected: { from: '', to: '', provider: '', notes: [], sessions: 6 } },
    {
      query: 'from=2026-01-01&to=2026-03-31&note=takeaway&note=helpful',
      expected: { from: '2026-01-01', to: '2026-03-31', provider: '', notes: ['helpful', 'takeaway'], sessions: 6 },
    },
    { query: 'note=nextTime&note=nextTime&note=passwords', expected: { from: '', to: '', provider: '', notes: ['nextTime'], sessions: 6 } },
    { query: 'provider=Dr%20Lee&from=March', expected: { from: '', to: '', provider: 'Dr Lee', notes: [], sessions: 6 } },
    { query: 'sessions=12', expected: { from: '', to: '', provider: '', notes: [], sessions: 12 } },
    { query: 'sessions=0', expected: { from: '', to: '', provider: '', notes: [], sessions: 0 } },
    { query: 'sessions=1000', expected: { from: '', to: '', provider: '', notes: [], sessions: 6 } },
  ])('"$query"', ({ query, expected }) => {
    expect(summaryChoiceFromQuery(query)).toEqual(expected);
  });
});

describe('summaryEntries', () => {
  const checkIns = [
    checkInOn('2026-03-10', { notes: { ...emptyNotes(), helpful: 'Role play', unhelpful: 'Ran over time', nextTime: 'Sleep' } }),
    checkInOn('2026-03-03', { notes: { ...emptyNotes(), helpful: '  Naming the pattern  ' } }),
    checkInOn('2026-03-17', { notes: { ...emptyNotes(), unhelpful: 'Felt rushed' } }),
  ];
  const shown = (noteIds: Parameters<typeof summaryEntries>[1]) =>
    summaryEntries(checkIns, noteIds).map((entry) => entry.notes.map((note) => `${note.prompt.label}: ${note.text}`));

  it.each([
    { name: 'no notes chosen shows none', noteIds: [] as const, expected: [] },
    {
      name: 'only the chosen prompt, newest first, trimmed',
      noteIds: ['helpful'] as const,
      expected: [['Most helpful moment: Role play'], ['Most helpful moment: Naming the pattern']],
    },
    {
      name: 'several prompts in instrument order; sessions without them are left out',
      noteIds: ['nextTime', 'helpful'] as const,
      expected: [['Most helpful moment: Role play', 'To bring up next time: Sleep'], ['Most helpful moment: Naming the pattern']],
    },
    {
      name: 'a note only some sessions have',
      noteIds: ['unhelpful'] as const,
      expected: [['Anything unhelpful: Felt rushed'], ['Anything unhelpful: Ran over time']],
    },
  ])('$name', ({ noteIds, expected }) => {
    expect(shown(noteIds)).toEqual(expected);
  });

  it('keeps to the latest sessions chosen: the budget counts sessions, not only those with notes', () => {
    const latestTwo = summaryEntries(checkIns, ['helpful', 'unhelpful'], 2).map((entry) => entry.notes.map((note) => note.text));
    expect(latestTwo).toEqual([['Felt rushed'], ['Role play', 'Ran over time']]);
    expect(summaryEntries(checkIns, ['helpful'], 1)).toEqual([]);
  });
});

describe('summaryPeriod', () => {
  const checkIns = [checkInOn('2026-03-03'), checkInOn('2026-03-17')];
  it.each([
    { choice: { from: '', to: '' }, list: checkIns, expected: '3 Mar 2026 – 17 Mar 2026' },
    { choice: { from: '2026-01-01', to: '2026-03-31' }, list: checkIns, expected: '1 Jan 2026 – 31 Mar 2026' },
    { choice: { from: '2026-03-01', to: '' }, list: checkIns, expected: '1 Mar 2026 – 17 Mar 2026' },
    { choice: { from: '', to: '' }, list: [checkIns[0]!], expected: '3 Mar 2026' },
    { choice: { from: '', to: '' }, list: [], expected: 'No check-ins yet' },
    { choice: { from: '2026-02-01', to: '' }, list: [], expected: 'From 1 Feb 2026' },
  ])('$choice.from – $choice.to over $list.length check-ins → $expected', ({ choice, list, expected }) => {
    expect(summaryPeriod({ ...choice, provider: '' }, list, 'en-GB')).toBe(expected);
  });
});

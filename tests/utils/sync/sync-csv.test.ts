import { describe, expect, it } from 'vitest';
import { emptyNotes, NOTE_PROMPTS, SIGNS } from '@/utils/checkin/instrument';
import { checkInsToCsv, CSV_BOM, CSV_COLUMNS, csvCell } from '@/utils/sync/csv';
import { BASE_MS, checkIn, goal, stamp } from '../../support/sync-fixtures';

/** A small RFC 4180 reader, enough to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      cell += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',' || (char === '\r' && text[i + 1] === '\n')) {
      row.push(cell);
      cell = '';
      if (char === '\r') {
        rows.push(row);
        row = [];
        i++;
      }
    } else {
      cell += char;
    }
  }
  return rows;
}

describe('csvCell', () => {
  it.each([
    ['plain text', 'Felt heard', 'Felt heard'],
    ['a comma', 'calm, then tired', '"calm, then tired"'],
    ['a quote', 'she said "try"', '"she said ""try"""'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['a formula', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a plus', '+1 for breathing', "'+1 for breathing"],
    ['a minus', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['a leading carriage return', '\r=1', `"'\r=1"`],
    ['an equals sign later on', 'a=b', 'a=b'],
    ['a space before a formula', ' =1+1', "' =1+1"],
    ['a no-break space before a formula', '\u00a0=1+1', "'\u00a0=1+1"],
    ['spaces and tabs before a formula', ' \t +SUM(A1)', "' \t +SUM(A1)"],
    ['a full-width equals sign', '\uff1d1+1', "'\uff1d1+1"],
    ['a small equals sign', '\ufe661+1', "'\ufe661+1"],
    ['a full-width plus, minus or at sign', '\uff0b1 \uff0d1 \uff201', "'\uff0b1 \uff0d1 \uff201"],
    ['a space before a full-width equals sign', '\u3000\uff1dA1', "'\u3000\uff1dA1"],
    ['a line break before a formula', '\n=1', `"'\n=1"`],
    ['a space before words', ' felt calm', ' felt calm'],
    ['a right-to-left override before a formula', '\u202e=1+1', "'\u202e=1+1"],
    ['a left-to-right mark before a plus', '\u200e+1', "'\u200e+1"],
    ['a soft hyphen before a formula', '\u00ad=A1', "'\u00ad=A1"],
    ['bidi isolates around a formula', '\u2066\u2069=A1', "'\u2066\u2069=A1"],
    ['an invisible operator before a formula', '\u2062=A1', "'\u2062=A1"],
    ['a variation selector before a formula', '\ufe0f=A1', "'\ufe0f=A1"],
    ['a C0 control before a formula', '\u0001=A1', "'\u0001=A1"],
    ['a C1 control before a formula', '\u0085=A1', "'\u0085=A1"],
    ['a superscript equals sign', '\u207c1+1', "'\u207c1+1"],
    ['a subscript equals sign', '\u208c1+1', "'\u208c1+1"],
    ['a superscript plus', '\u207a1', "'\u207a1"],
    ['a subscript plus', '\u208a1', "'\u208a1"],
    ['a Hebrew alternative plus', '\ufb291', "'\ufb291"],
    ['a variation selector then a small plus', '\ufe0e\ufe621', "'\ufe0e\ufe621"],
    ['an accent on its own before words', '\u0301felt calm', '\u0301felt calm'],
    ['a rating', 7, '7'],
    ['a skipped rating', null, ''],
  ] as const)('writes %s safely', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('checkInsToCsv', () => {
  const sleep = goal('g1', stamp(1), { title: 'Sleep' });
  const first = checkIn('c1', stamp(1), {
    createdMs: BASE_MS,
    sessionStartedAt: '2026-01-05T14:00:00.000+01:00',
    sessionEndedAt: '2026-01-05T14:50:00.000+01:00',
    platform: 'doxy-me',
    provider: 'Dr. Rivera',
    overall: 7,
    notes: { ...emptyNotes(), helpful: 'Naming the pattern, finally', nextTime: '=cmd|" /C calc"!A0' },
    tags: ['work', 'family'],
    goalProgress: [{ goalId: 'g1', rating: 6, note: 'better' }],
    reflection: { answeredAt: '2026-01-06T10:00:00.000+01:00', used: 8, text: 'Tried it twice' },
  });
  const manual = checkIn('c2', stamp(2), { createdMs: BASE_MS - 1, createdAt: '2026-01-04T20:15:00.000+01:00', platform: null, sessionStartedAt: null, sessionEndedAt: null, overall: null });
  const text = checkInsToCsv([first, manual], [sleep]);
  const rows = readCsv(text.slice(CSV_BOM.length));

  it('starts with a BOM and uses CRLF line ends', () => {
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(checkInsToCsv([], [], { bom: false })).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('has one column per sign, taken from the instrument, plus overall and each prompt', () => {
    for (const column of [...SIGNS.map((s) => s.csvColumn), 'overall', ...NOTE_PROMPTS.map((p) => p.csvColumn)]) {
      expect(rows[0]).toContain(column);
    }
    expect(rows[0]!.slice(0, 5)).toEqual(['date', 'time', 'platform', 'provider', 'duration_minutes']);
  });

  it('lists check-ins oldest first with their values in the right columns', () => {
    const column = (name: string) => rows[0]!.indexOf(name);
    const [, manualRow, firstRow] = rows;
    expect(manualRow![column('date')]).toBe('2026-01-04');
    expect(manualRow![column('platform')]).toBe('manual');
    expect(manualRow![column('overall')]).toBe('');
    expect(firstRow![column('time')]).toBe('14:00');
    expect(firstRow![column('duration_minutes')]).toBe('50');
    expect(firstRow![column('trust_rapport')]).toBe('8');
    expect(firstRow![column('most_helpful')]).toBe('Naming the pattern, finally');
    expect(firstRow![column('tags')]).toBe('work; family');
    expect(firstRow![column('goal_progress')]).toBe('Sleep: 6 (better)');
    expect(firstRow![column('follow_up_used')]).toBe('8');
    expect(firstRow![column('id')]).toBe('c1');
  });

  it('neutralises a note that a spreadsheet would run as a formula', () => {
    const cell = rows[2]![rows[0]!.indexOf('next_time')]!;
    expect(cell).toBe(`'=cmd|" /C calc"!A0`);
  });

  it('has the same number of cells in every row', () => {
    expect(new Set(rows.map((row) => row.length))).toEqual(new Set([CSV_COLUMNS.length]));
  });
});

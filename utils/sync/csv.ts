/**
 * Check-ins as CSV for spreadsheets (RFC 4180), one column per sign from the instrument.
 * Cells a spreadsheet would run as a formula are neutralised.
 */
import { NOTE_PROMPTS, OVERALL, SIGNS } from '../checkin/instrument';
import type { CheckIn, Goal } from '../db/schema';

/** Byte order mark: without it Excel reads UTF-8 text (accents, emoji) as mojibake. */
export const CSV_BOM = '\uFEFF';
export const CSV_MIME = 'text/csv;charset=utf-8';

/**
 * Cells Excel, LibreOffice or Sheets may run as a formula (OWASP CSV injection): a leading tab or
 * CR, or = + - @ after any run of characters a spreadsheet may trim or not show (controls, format
 * characters such as bidi marks and soft hyphens, spaces, variation selectors and other marks),
 * including forms that fold to them (full-width, small, superscript, subscript: NFKC).
 */
const INVISIBLE_RUN = /^[\p{Cc}\p{Cf}\p{Z}\p{Mn}\p{Me}]*/u;
const TRIGGER = /^[=+\-@\u2212]/;

function runsAsFormula(text: string): boolean {
  if (/^[\t\r]/.test(text)) return true;
  const visible = text.replace(INVISIBLE_RUN, '');
  // A few characters are enough: NFKC folds one character to at most a short run.
  return TRIGGER.test(visible.slice(0, 8).normalize('NFKC').replace(INVISIBLE_RUN, ''));
}

/** One cell: neutralised when it could run as a formula, quoted when it holds , " CR or LF. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (runsAsFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(cells: readonly (string | number | null)[]): string {
  return cells.map(csvCell).join(',');
}

/** Date and time as written in the stamp's own offset, so the spreadsheet shows the local hour. */
function dateAndTime(iso: string): [string, string] {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? [match[1]!, match[2]!] : [iso, ''];
}

function durationMinutes(checkIn: CheckIn): number | null {
  if (!checkIn.sessionStartedAt || !checkIn.sessionEndedAt) return null;
  const ms = Date.parse(checkIn.sessionEndedAt) - Date.parse(checkIn.sessionStartedAt);
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 60_000) : null;
}

function goalProgressText(checkIn: CheckIn, titles: Map<string, string>): string {
  return checkIn.goalProgress
    .map(({ goalId, rating, note }) => {
      const title = titles.get(goalId) ?? goalId;
      return `${title}: ${rating ?? '–'}${note ? ` (${note})` : ''}`;
    })
    .join('; ');
}

export const CSV_COLUMNS: readonly string[] = [
  'date',
  'time',
  'platform',
  'provider',
  'duration_minutes',
  ...SIGNS.map((sign) => sign.csvColumn),
  OVERALL.csvColumn,
  ...NOTE_PROMPTS.map((prompt) => prompt.csvColumn),
  'tags',
  'goal_progress',
  'follow_up_used',
  'follow_up_note',
  'id',
];

/** The CSV text for these check-ins, oldest first, with a header row and a BOM. */
export function checkInsToCsv(checkIns: readonly CheckIn[], goals: readonly Goal[] = [], { bom = true } = {}): string {
  const titles = new Map(goals.map((goal) => [goal.id, goal.title]));
  const rows = [...checkIns]
    .sort((a, b) => a.createdMs - b.createdMs)
    .map((checkIn) => {
      const [date, time] = dateAndTime(checkIn.sessionStartedAt ?? checkIn.createdAt);
      return csvRow([
        date,
        time,
        checkIn.platform ?? 'manual',
        checkIn.provider,
        durationMinutes(checkIn),
        ...SIGNS.map((sign) => checkIn.ratings[sign.id]),
        checkIn.overall,
        ...NOTE_PROMPTS.map((prompt) => checkIn.notes[prompt.id]),
        checkIn.tags.join('; '),
        goalProgressText(checkIn, titles),
        checkIn.reflection?.used ?? null,
        checkIn.reflection?.text ?? null,
        checkIn.id,
      ]);
    });
  return (bom ? CSV_BOM : '') + [csvRow(CSV_COLUMNS), ...rows].join('\r\n') + '\r\n';
}

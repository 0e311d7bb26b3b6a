import type { CheckIn } from '../db/schema';
import { formatNumber, t, uiLocale } from '../i18n/index.ts';
import { NOTE_IDS } from './instrument';

/** "under 1 min", "52 min", "1 h 5 min"; null when either end is unknown. */
export function formatDuration(startMs: number | null, endMs: number | null, locale: string | undefined = uiLocale()): string | null {
  if (startMs === null || endMs === null || endMs < startMs) return null;
  const minutes = Math.round((endMs - startMs) / 60_000);
  if (minutes === 0) return t('format.underMinute');
  if (minutes < 60) return t('format.minutes', { minutes: formatNumber(minutes, locale) });
  const hours = formatNumber(Math.floor(minutes / 60), locale);
  const rest = minutes % 60;
  return rest ? t('format.hoursMinutes', { hours, minutes: formatNumber(rest, locale) }) : t('format.hours', { hours });
}

/**
 * When a session was, told apart from others on the same day: "Dec 7, 2:56 – 3:43 PM, 47 min"
 * (only the start and date when its end is unknown).
 */
export function formatSessionSpan(startMs: number, endMs: number | null, locale: string | undefined = uiLocale()): string {
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(new Date(startMs));
  const times = cachedFormat(locale, { timeStyle: 'short' });
  const duration = formatDuration(startMs, endMs, locale);
  if (endMs === null || endMs < startMs || !duration) return `${day}, ${times.format(new Date(startMs))}`;
  return `${day}, ${times.formatRange(new Date(startMs), new Date(endMs))}, ${duration}`;
}

/** A date and time in the reader's locale, e.g. "Thu, 26 Nov 2026, 10:58". */
export function formatDateTime(iso: string, locale: string | undefined = uiLocale()): string {
  return cachedFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

// Building a formatter costs more than using one; history formats a date per row, trends per table row.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** One Intl.DateTimeFormat per locale and style, made on first use. */
export function cachedFormat(locale: string | undefined, options: Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'>): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${options.dateStyle ?? ''}|${options.timeStyle ?? ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** The first words of a check-in's notes, for lists. */
export function notesExcerpt(checkIn: Pick<CheckIn, 'notes'>, maxChars = 80): string {
  const text = NOTE_IDS.map((id) => checkIn.notes[id].trim())
    .filter(Boolean)
    .join(' · ')
    .replace(/\s+/g, ' ');
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** "7/10", or "—" when skipped. */
export function formatRating(value: number | null): string {
  return value === null ? '—' : `${value}/10`;
}

/** A time of day in the reader's locale, e.g. "3:47 PM" or "15:47". */
export function formatTime(ms: number, locale: string | undefined = uiLocale()): string {
  return cachedFormat(locale, { timeStyle: 'short' }).format(new Date(ms));
}

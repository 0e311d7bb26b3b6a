const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** The local calendar date, `2026-11-26`: for file names and day keys. */
export function localDate(date: Date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** ISO 8601 with the local UTC offset, e.g. 2026-11-26T10:58:37.120+01:00. */
export function localIsoString(date: Date = new Date()): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    localDate(date) +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

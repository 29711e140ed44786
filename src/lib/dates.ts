/**
 * Dates in the newsroom's time zone. Front matter dates without an offset are
 * wall-clock times in the site time zone (never UTC), and are parsed strictly:
 * 2024-02-30, 2024-13-01 or 10/03/2024 are errors, not guesses.
 */

export interface NewsDate {
  /** The instant. */
  date: Date;
  /** False for a date-only value ("2024-09-18"), which is that whole day. */
  hasTime: boolean;
}

export type DateParseResult = { ok: true; value: NewsDate } | { ok: false; error: string };

const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Asia/Ho_Chi_Minh: 420). */
export function timeZoneOffsetMinutes(instant: Date, timeZone: string): number {
  return offsetOfParts(instant, zonedParts(instant, timeZone));
}

/** The offset from UTC, in minutes, that makes `instant` show the wall-clock `parts`. */
function offsetOfParts(instant: Date, parts: ZonedParts): number {
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which the wall clock in `timeZone` shows the given time. */
export function zonedTimeToInstant(
  wall: { year: number; month: number; day: number; hour: number; minute: number; second: number },
  timeZone: string,
): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  let instant = guess - timeZoneOffsetMinutes(new Date(guess), timeZone) * 60000;
  // A second pass settles times next to a daylight-saving change.
  instant = guess - timeZoneOffsetMinutes(new Date(instant), timeZone) * 60000;
  return new Date(instant);
}

/**
 * Parses a front-matter date: `2024-09-18`, `2024-09-18 15:30`,
 * `2024-09-18T15:30:00+07:00`. A `Date` (from a YAML parser that made one)
 * is read back as the wall-clock time it was written as.
 */
export function parseNewsDate(value: unknown, timeZone: string): DateParseResult {
  let text: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, error: 'not a valid date' };
    text = value.toISOString().replace(/\.000Z$/, '').replace('T00:00:00', '');
  } else if (typeof value === 'string') {
    text = value.trim();
  } else if (value === null || value === undefined) {
    return { ok: false, error: 'empty' };
  } else {
    return { ok: false, error: `expected a date like 2024-09-18 15:30, got ${typeof value}` };
  }
  if (text === '') return { ok: false, error: 'empty' };
  const match = DATE_PATTERN.exec(text);
  if (!match) return { ok: false, error: `"${text}" is not in the form 2024-09-18 or 2024-09-18 15:30` };
  const [, y, mo, d, h, mi, s, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12) return { ok: false, error: `month ${mo} does not exist in "${text}"` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, error: `day ${d} does not exist in month ${mo}/${y} ("${text}")` };
  }
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, error: `time in "${text}" does not exist` };
  const hasTime = h !== undefined;
  if (offset !== undefined) {
    let offsetMinutes = 0;
    if (offset !== 'Z') {
      const sign = offset.startsWith('-') ? -1 : 1;
      const digits = offset.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = Number(digits.slice(2, 4));
      if (oh > 14 || om > 59) return { ok: false, error: `offset ${offset} does not exist` };
      offsetMinutes = sign * (oh * 60 + om);
    }
    const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60000;
    return { ok: true, value: { date: new Date(utc), hasTime } };
  }
  const date = zonedTimeToInstant({ year, month, day, hour, minute, second }, timeZone);
  return { ok: true, value: { date, hasTime } };
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

interface PartsReader {
  formatter: Intl.DateTimeFormat;
  /** The formatted text with its fields as groups of digits, e.g. "09/18/2024, 16:00:00". */
  pattern: RegExp;
  /** The field of each group, in order. */
  fields: string[];
}

const partsReaders = new Map<string, PartsReader>();

/** One formatter per zone, and the shape of its text (learnt from a sample). */
function partsReader(timeZone: string): PartsReader {
  let reader = partsReaders.get(timeZone);
  if (!reader) {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const fields: string[] = [];
    let source = '';
    for (const part of formatter.formatToParts(new Date(Date.UTC(2024, 8, 18, 9)))) {
      if (part.type === 'literal') source += part.value.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      else {
        fields.push(part.type);
        source += '(\\d+)';
      }
    }
    reader = { formatter, pattern: new RegExp(`^${source}$`), fields };
    partsReaders.set(timeZone, reader);
  }
  return reader;
}

/**
 * Fields already worked out, per zone and instant: a site shows each
 * article's date on many pages (lists, related news, feeds, sitemaps), and
 * `Intl.DateTimeFormat#format` was ~1 % of the page generation's CPU. Bounded,
 * so a long-running process cannot grow it without limit.
 */
const zonedCache = new Map<string, Map<number, Readonly<ZonedParts>>>();
const CACHE_LIMIT = 50_000;

/** `make()`, remembered in `caches` under `key` and the instant `time` (not for an invalid date). */
function remember<V>(caches: Map<string, Map<number, V>>, key: string, time: number, make: () => V): V {
  let cache = caches.get(key);
  const cached = cache?.get(time);
  if (cached !== undefined) return cached;
  const value = make();
  if (Number.isNaN(time)) return value;
  if (!cache) caches.set(key, (cache = new Map()));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(time, value);
  return value;
}

/**
 * Wall-clock fields of an instant in a time zone (cached: the object is
 * frozen). Reads `format()`'s text, twice as fast as `formatToParts()`, and
 * falls back to the parts when the text has another shape.
 */
export function zonedParts(instant: Date, timeZone: string): Readonly<ZonedParts> {
  return remember(zonedCache, timeZone, instant.getTime(), () => Object.freeze(readZonedParts(instant, timeZone)));
}

function readZonedParts(instant: Date, timeZone: string): ZonedParts {
  const reader = partsReader(timeZone);
  const out: Record<string, number> = {};
  const match = reader.pattern.exec(reader.formatter.format(instant));
  if (match) {
    for (const [index, field] of reader.fields.entries()) out[field] = Number(match[index + 1]);
  } else {
    for (const part of reader.formatter.formatToParts(instant)) {
      if (part.type !== 'literal') out[part.type] = Number(part.value);
    }
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Dates already formatted, per zone and pattern, then instant (bounded like `zonedCache`). */
const formattedCache = new Map<string, Map<number, string>>();

/** Formats with a pattern of dd, MM, yyyy, HH, mm, ss: "18/09/2024 16:00". */
export function formatDate(instant: Date, pattern: string, timeZone: string): string {
  return remember(formattedCache, `${timeZone}\u0000${pattern}`, instant.getTime(), () => formatParts(zonedParts(instant, timeZone), pattern));
}

function formatParts(p: Readonly<ZonedParts>, pattern: string): string {
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => {
    switch (token) {
      case 'yyyy':
        return pad(p.year, 4);
      case 'MM':
        return pad(p.month);
      case 'dd':
        return pad(p.day);
      case 'HH':
        return pad(p.hour);
      case 'mm':
        return pad(p.minute);
      default:
        return pad(p.second);
    }
  });
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 with the zone's offset: "2024-09-18T16:00:00+07:00" (for `<time datetime>`, JSON-LD, sitemaps). */
export function toZonedIso(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const offset = offsetOfParts(instant, p);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${formatOffset(offset)}`;
}

/** The zone's calendar date of an instant as yyyy-mm-dd. */
export function toZonedDay(instant: Date, timeZone: string): string {
  return formatDate(instant, 'yyyy-MM-dd', timeZone);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 date with the zone's offset, for RSS: "Wed, 18 Sep 2024 16:00:00 +0700". */
export function toRfc822(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const offset = formatOffset(timeZoneOffsetMinutes(instant, timeZone)).replace(':', '');
  const weekday = WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()];
  return `${weekday}, ${pad(p.day)} ${MONTHS[p.month - 1]} ${pad(p.year, 4)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${offset}`;
}

import { describe, expect, it } from 'vitest';
import { formatDate, parseNewsDate, toRfc822, toZonedDay, toZonedIso, zonedParts, zonedTimeToInstant } from '../../src/lib/dates.ts';

const VN = 'Asia/Ho_Chi_Minh';

function parse(value: unknown, zone = VN) {
  const result = parseNewsDate(value, zone);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('parseNewsDate', () => {
  it('reads a value without offset as wall-clock time in the site zone', () => {
    const { date, hasTime } = parse('2024-09-24 23:30');
    expect(date.toISOString()).toBe('2024-09-24T16:30:00.000Z');
    expect(hasTime).toBe(true);
    expect(formatDate(date, 'dd/MM/yyyy HH:mm', VN)).toBe('24/09/2024 23:30');
  });

  it('reads a date-only value as that day, not the day before', () => {
    const { date, hasTime } = parse('2024-09-18');
    expect(hasTime).toBe(false);
    expect(formatDate(date, 'dd/MM/yyyy', VN)).toBe('18/09/2024');
    expect(date.toISOString()).toBe('2024-09-17T17:00:00.000Z');
  });

  it('honours an explicit offset', () => {
    expect(parse('2024-09-18T15:30:00+07:00').date.toISOString()).toBe('2024-09-18T08:30:00.000Z');
    expect(parse('2024-09-18T15:30:00Z').date.toISOString()).toBe('2024-09-18T15:30:00.000Z');
    expect(parse('2024-09-18T15:30:00-0500').date.toISOString()).toBe('2024-09-18T20:30:00.000Z');
  });

  it('accepts the T separator and seconds', () => {
    expect(parse('2024-09-18T15:30').date.toISOString()).toBe('2024-09-18T08:30:00.000Z');
    expect(parse('2024-09-18 15:30:45').date.toISOString()).toBe('2024-09-18T08:30:45.000Z');
  });

  it('re-reads a YAML Date object as the wall-clock time it was written as', () => {
    expect(parse(new Date('2024-09-18T00:00:00Z')).date.toISOString()).toBe('2024-09-17T17:00:00.000Z');
    expect(parse(new Date('2024-09-18T15:30:00Z')).date.toISOString()).toBe('2024-09-18T08:30:00.000Z');
  });

  it.each([
    ['2024-02-30', /day 30/],
    ['2023-02-29', /day 29/],
    ['2024-13-01', /month 13/],
    ['2024-13-45', /month 13/],
    ['2024-00-10', /month 00/],
    ['10/03/2024', /not in the form/],
    ['2024-9-1', /not in the form/],
    ['', /empty/],
    ['2024-09-18 25:00', /time/],
    ['2024-09-18 12:61', /time/],
    ['hôm qua', /not in the form/],
  ])('rejects %j', (value, message) => {
    const result = parseNewsDate(value, VN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('accepts 29 February in a leap year', () => {
    expect(formatDate(parse('2024-02-29').date, 'dd/MM/yyyy', VN)).toBe('29/02/2024');
  });

  it('rejects non-string, non-date values', () => {
    expect(parseNewsDate(20240918, VN).ok).toBe(false);
    expect(parseNewsDate(null, VN).ok).toBe(false);
    expect(parseNewsDate(undefined, VN).ok).toBe(false);
  });

  it('reads wall-clock times in zones with daylight saving', () => {
    const zone = 'America/Los_Angeles';
    expect(parse('2024-07-01 12:00', zone).date.toISOString()).toBe('2024-07-01T19:00:00.000Z');
    expect(parse('2024-01-01 12:00', zone).date.toISOString()).toBe('2024-01-01T20:00:00.000Z');
    expect(zonedTimeToInstant({ year: 2024, month: 3, day: 10, hour: 12, minute: 0, second: 0 }, zone).toISOString()).toBe(
      '2024-03-10T19:00:00.000Z',
    );
  });
});

describe('formatting in the site zone', () => {
  const instant = new Date('2024-09-24T16:30:00Z');

  it('formats with patterns', () => {
    expect(formatDate(instant, 'dd/MM/yyyy', VN)).toBe('24/09/2024');
    expect(formatDate(instant, 'dd/MM/yyyy HH:mm', VN)).toBe('24/09/2024 23:30');
    expect(formatDate(new Date('2024-09-24T17:30:00Z'), 'dd/MM/yyyy HH:mm', VN)).toBe('25/09/2024 00:30');
  });

  it('writes ISO 8601 with the zone offset', () => {
    expect(toZonedIso(instant, VN)).toBe('2024-09-24T23:30:00+07:00');
    expect(toZonedIso(instant, 'UTC')).toBe('2024-09-24T16:30:00+00:00');
    expect(toZonedIso(instant, 'America/Los_Angeles')).toBe('2024-09-24T09:30:00-07:00');
  });

  it('writes RFC 822 dates with the offset', () => {
    expect(toRfc822(instant, VN)).toBe('Tue, 24 Sep 2024 23:30:00 +0700');
    expect(toRfc822(new Date('2024-09-24T17:30:00Z'), VN)).toBe('Wed, 25 Sep 2024 00:30:00 +0700');
  });

  it('gives the calendar day in the zone', () => {
    expect(toZonedDay(new Date('2024-09-24T17:30:00Z'), VN)).toBe('2024-09-25');
    expect(toZonedDay(new Date('2024-09-24T17:30:00Z'), 'UTC')).toBe('2024-09-24');
  });

  it('keeps remembered results apart by zone and pattern, and fails on an invalid date every time', () => {
    const late = new Date('2024-12-31T20:00:00Z');
    for (let round = 0; round < 2; round += 1) {
      expect(formatDate(late, 'dd/MM/yyyy', VN)).toBe('01/01/2025');
      expect(formatDate(new Date(late.getTime()), 'dd/MM/yyyy', 'UTC')).toBe('31/12/2024');
      expect(formatDate(late, 'yyyy-MM-dd HH:mm', VN)).toBe('2025-01-01 03:00');
      expect(zonedParts(late, 'America/Los_Angeles')).toMatchObject({ year: 2024, month: 12, day: 31, hour: 12 });
      expect(() => formatDate(new Date(Number.NaN), 'dd/MM/yyyy', VN)).toThrow(RangeError);
    }
  });
});

describe('zonedParts', () => {
  it('reads the same fields as formatToParts, in several zones and years 1 to 9999', () => {
    const zones = ['Asia/Ho_Chi_Minh', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
    const first = Date.UTC(1, 0, 1);
    const last = Date.UTC(9999, 11, 31, 23, 59, 59);
    for (const timeZone of zones) {
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
      for (let step = 0; step < 500; step += 1) {
        const instant = new Date(first + Math.floor(((last - first) * step) / 499) + step * 7919);
        const parts = Object.fromEntries(formatter.formatToParts(instant).filter((part) => part.type !== 'literal').map((part) => [part.type, Number(part.value)]));
        expect(zonedParts(instant, timeZone), `${timeZone} ${instant.toISOString()}`).toEqual(parts);
      }
    }
  });
});

/**
 * Timestamps as AWS tools print them. The AWS CLI v2 prints ISO-8601 strings
 * with microseconds and an offset ("2024-05-01T10:00:00.123000+00:00"); CLI v1
 * prints epoch seconds as floats (1714557600.123); the SDK returns Date objects.
 */

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Latest instant that prints as a four-digit year: 9999-12-31T23:59:59Z. */
const MAX_EPOCH_SECONDS = 253_402_300_799;

/** Convert an AWS timestamp to ISO-8601 UTC, or null when it is not one. */
export function normaliseTimestamp(value: string | number | Date): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString();
  }
  if (typeof value === 'number') {
    return fromEpochSeconds(value);
  }
  return fromIsoString(value.trim());
}

function fromEpochSeconds(seconds: number): string | null {
  // Epoch milliseconds would land tens of thousands of years ahead: refuse
  // rather than guess, the field says seconds.
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_EPOCH_SECONDS) {
    return null;
  }
  return new Date(Math.round(seconds * 1000)).toISOString();
}

function fromIsoString(text: string): string | null {
  const match = ISO_8601.exec(text);
  if (match === null) {
    return null;
  }

  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const parts = [year, month, day, hour ?? '0', minute ?? '0', second ?? '0'].map(Number);
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = parts;
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);

  // Date.UTC rolls 2024-02-30 over to March: a round trip catches it.
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    check.getUTCHours() !== h ||
    check.getUTCMinutes() !== mi ||
    check.getUTCSeconds() !== s
  ) {
    return null;
  }

  // No zone at all is read as UTC: AWS never prints local times.
  const offset = offsetMinutes(zone);
  if (offset === null) {
    return null;
  }
  // An offset can carry 9999-12-31 past the four-digit years an ISO string holds.
  const utc = local - offset * 60_000;
  return utc > MAX_EPOCH_SECONDS * 1000 ? null : new Date(utc).toISOString();
}

/** Minutes east of UTC, or null for an offset no clock uses (beyond ±23:59). */
function offsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone.toUpperCase() === 'Z') {
    return 0;
  }
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) {
    return null;
  }
  return sign * (hours * 60 + minutes);
}

import { describe, expect, it } from 'vitest';
import {
  cidrCovers,
  cidrOverlaps,
  isNonPublicCidr,
  parseCidr,
  parseIpv4,
} from '../../../../lib/drift/network/cidr.js';

describe('cidr', () => {
  it.each([
    ['0.0.0.0', 0],
    ['10.0.1.2', 167772418],
    ['255.255.255.255', 4294967295],
    ['256.0.0.1', null],
    ['10.0.1', null],
    ['10.0.01.2', null],
    ['a.b.c.d', null],
  ])('parses the address %s as %s', (text, expected) => {
    expect(parseIpv4(text)).toBe(expected);
  });

  it.each([
    ['10.0.0.0/16', { first: 167772160, last: 167837695 }],
    ['10.0.1.7/24', { first: 167772416, last: 167772671 }],
    ['0.0.0.0/0', { first: 0, last: 4294967295 }],
    ['10.0.1.2/32', { first: 167772418, last: 167772418 }],
    ['10.0.0.0/33', null],
    ['10.0.0.0', null],
    ['10.0.0.0/8/1', null],
    ['::/0', null],
  ])('parses the range %s', (text, expected) => {
    expect(parseCidr(text)).toEqual(expected);
  });

  it.each([
    ['0.0.0.0/0', '10.0.1.0/24', true],
    ['10.0.0.0/16', '10.0.1.0/24', true],
    ['10.0.1.0/24', '10.0.1.0/24', true],
    ['10.0.1.0/25', '10.0.1.0/24', false],
    ['10.0.1.0/24', '10.0.0.0/16', false],
    ['10.1.0.0/16', '10.0.1.0/24', false],
    ['10.0.0.0/16', 'nonsense', false],
  ])('decides %s covers %s: %s', (outer, inner, expected) => {
    expect(cidrCovers(outer, inner)).toBe(expected);
  });

  it.each([
    ['10.0.1.0/25', '10.0.1.0/24', true],
    ['10.0.1.128/25', '10.0.1.0/25', false],
    ['0.0.0.0/0', '192.168.0.0/16', true],
    ['172.16.0.0/12', '172.32.0.0/16', false],
  ])('decides %s overlaps %s: %s', (left, right, expected) => {
    expect(cidrOverlaps(left, right)).toBe(expected);
  });

  it.each([
    ['10.0.0.0/8', true],
    ['172.31.0.0/16', true],
    ['100.64.0.0/16', true],
    ['0.0.0.0/0', false],
    ['52.94.0.0/16', false],
    ['172.32.0.0/16', false],
  ])('classifies %s as never public: %s', (cidr, expected) => {
    expect(isNonPublicCidr(cidr)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { isPublicAddress, unmapIPv4 } from '../../src/import/address.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '[::ffff:127.0.0.1]',
    '0:0:0:0:0:ffff:a00:1',
    '::ffff:192.168.1.1',
    '64:ff9b::7f00:1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('unmapIPv4', () => {
  it('turns IPv4-mapped IPv6 into IPv4, in dotted and hex form', () => {
    expect(unmapIPv4('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(unmapIPv4('::FFFF:0a01:0203')).toBe('10.1.2.3');
    expect(unmapIPv4('2001:db8::1')).toBe('2001:db8::1');
  });
});

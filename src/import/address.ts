/**
 * Which addresses a URL from a teacher (or from Discord) may reach: public ones only. Private,
 * loopback, link-local, unspecified, multicast, reserved and documentation ranges are refused,
 * in IPv4, IPv6 and IPv4-mapped IPv6, so that the bot cannot be used to probe its own network.
 */
import { BlockList, isIP, isIPv4 } from 'node:net';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64: may lead to any IPv4 address
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: may embed a private IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

/** `::ffff:127.0.0.1` or `::ffff:7f00:1` → `127.0.0.1`; anything else as it is. */
export function unmapIPv4(address: string): string {
  const lower = address.toLowerCase().replace(/^\[|\]$/g, '');
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted?.[1] && isIPv4(dotted[1])) return dotted[1];
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex?.[1] && hex[2]) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return lower;
}

/** True for an address on the public internet; false for every range above (and for non-addresses). */
export function isPublicAddress(address: string): boolean {
  const plain = unmapIPv4(address);
  const family = isIP(plain);
  if (family === 4) return !blocked.check(plain, 'ipv4');
  if (family === 6) {
    // IPv4-compatible (deprecated) `::a.b.c.d` addresses are judged as IPv4.
    const compat = /^::(\d+\.\d+\.\d+\.\d+)$/.exec(plain)?.[1];
    if (compat) return isPublicAddress(compat);
    return !blocked.check(plain, 'ipv6');
  }
  return false;
}

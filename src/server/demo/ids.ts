/**
 * Deterministic UUIDv7s (RFC 9562 §6.2, method 1: a fixed-length dedicated counter). Each kind of row
 * counts from a base instant; the counter fills the timestamp's low end and rand_a, so ids are unique by
 * construction and increase in generation order. Rows are generated account by account, so every index
 * keyed by an id (primary keys, contact_id, deal_id) only ever grows at its right edge while loading —
 * what keeps a million-contact load from thrashing the buffer cache. rand_b is a seeded hash.
 */

/** Which counter an id draws from; each kind numbers its rows independently. */
export const ID_KIND = {
  reasonCode: 1,
  campaign: 2,
  campaignCost: 3,
  product: 4,
  account: 5,
  contact: 6,
  transition: 7,
  deal: 8,
  dealStage: 9,
  touchpoint: 10,
  definition: 11,
  routing: 12,
  playbook: 13,
  growth: 14,
  insight: 20,
  persona: 21,
  enablement: 22,
  asset: 23,
} as const;
export type IdKind = (typeof ID_KIND)[keyof typeof ID_KIND];

export type IdFactory = { next(kind: IdKind): string };

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex32(x: number): string {
  return (HEX[(x >>> 24) & 255] as string) + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];
}

function hex16(x: number): string {
  return (HEX[(x >>> 8) & 255] as string) + HEX[x & 255];
}

function mix(x: number, key: number): number {
  x = (x ^ key) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** Creates an id source whose output depends only on the seed, the base instant and the order of calls. */
export function createIdFactory(seed: number, baseMs: number): IdFactory {
  const counters = new Float64Array(32);
  return {
    next(kind) {
      const n = counters[kind] as number;
      counters[kind] = n + 1;
      // 4,096 ids per millisecond: a million contacts' ten million touchpoints span under three seconds.
      const ms = Math.floor(baseMs) + Math.floor(n / 4096);
      const low = n % 4294967296;
      const a = mix(low, seed ^ Math.imul(kind, 0x27d4eb2d));
      const b = mix(low, (seed + kind * 0x9e3779b9) >>> 0);
      return (
        hex32(Math.floor(ms / 65536)) + "-" + hex16(ms & 0xffff) + "-7" + (n % 4096).toString(16).padStart(3, "0") + "-" +
        hex16(0x8000 | (a >>> 18)) + "-" + hex32(b) + hex16(a)
      );
    },
  };
}

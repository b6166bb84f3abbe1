/**
 * Deterministic UUIDv7s: the timestamp is the entity's own time (so ids sort like real ones), and the
 * random bits carry a per-kind counter through a bijective scramble, which makes them unique by
 * construction rather than by luck.
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
} as const;
export type IdKind = (typeof ID_KIND)[keyof typeof ID_KIND];

export type IdFactory = { next(kind: IdKind, ms: number): string };

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex32(x: number): string {
  return (HEX[(x >>> 24) & 255] as string) + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];
}

function hex16(x: number): string {
  return (HEX[(x >>> 8) & 255] as string) + HEX[x & 255];
}

// Each step (xor with a constant, multiply by an odd number, xor-shift right) is a bijection on 32 bits.
function scramble(x: number, key: number): number {
  x = (x ^ key) >>> 0;
  x = Math.imul(x, 0x9e3779b1) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  x ^= x >>> 13;
  return x >>> 0;
}

/** Creates an id source whose output depends only on the seed and the order of calls. */
export function createIdFactory(seed: number): IdFactory {
  const counters = new Float64Array(32);
  return {
    next(kind, ms) {
      const n = counters[kind] as number;
      counters[kind] = n + 1;
      const low = n % 4294967296;
      const high = Math.floor(n / 4294967296) & 0xf;
      const t = Math.max(0, Math.floor(ms));
      const tsHigh = Math.floor(t / 65536);
      const noise = scramble(low, seed ^ Math.imul(kind, 0x27d4eb2d));
      return (
        hex32(tsHigh) + "-" + hex16(t & 0xffff) + "-7" + HEX[kind & 255] + high.toString(16) + "-" +
        hex16(0x8000 | (noise >>> 18)) + "-" + hex32(scramble(low, seed + kind)) + hex16(noise)
      );
    },
  };
}

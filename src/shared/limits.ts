/** Limits used on both sides of the API: forms read them, contracts enforce them. */
export const LIMITS = {
  name: 200,
  shortText: 200,
  longText: 10_000,
  email: 254,
  password: { min: 10, max: 200 },
  reason: 2_000,
  pageSize: { default: 50, max: 500 },
  search: 200,
  properties: { keys: 100, bytes: 16_000 },
  tokenName: 100,
  batch: 1_000,
} as const;

import { createMatrix, type Matrix } from "./matrix.js";
import { MISSING_CATEGORY, type ColumnKind, type ColumnSpec, type FeatureInfo, type FeatureSpec, type FittedColumn, type RawRow, type RawValue } from "./feature-spec.js";

const TRUE_WORDS = new Set(["true", "yes", "y", "t", "1"]);

/** A number from a raw cell, or null when it is blank or not a finite number. */
export function parseNumeric(value: RawValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/** The category string of a raw cell; blank and missing cells become MISSING_CATEGORY. */
export function toCategory(value: RawValue): string {
  if (value === null || value === undefined) return MISSING_CATEGORY;
  const s = String(value).trim();
  return s === "" ? MISSING_CATEGORY : s;
}

/** 1 for true-like cells (true, yes, y, t, 1), otherwise 0 (including missing). */
export function toFlag(value: RawValue): number {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value !== 0 ? 1 : 0;
  return value != null && TRUE_WORDS.has(value.trim().toLowerCase()) ? 1 : 0;
}

/** "numeric" when every non-blank value parses as a number (and one exists), otherwise "categorical". */
export function inferColumnKind(values: Iterable<RawValue>): ColumnKind {
  let seen = false;
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    if (parseNumeric(v) === null) return "categorical";
    seen = true;
  }
  return seen ? "numeric" : "categorical";
}

function fitNumeric(name: string, rows: ReadonlyArray<RawRow>): FittedColumn {
  let n = 0;
  let sum = 0;
  for (const row of rows) {
    const v = parseNumeric(row[name]);
    if (v === null) continue;
    n++;
    sum += v;
  }
  const mean = n > 0 ? sum / n : 0;
  let squares = 0;
  for (const row of rows) {
    const v = parseNumeric(row[name]);
    if (v !== null) squares += (v - mean) ** 2;
  }
  const std = n > 0 ? Math.sqrt(squares / n) : 0;
  // A constant column encodes to 0 everywhere; std 1 keeps the JSON valid and the division harmless.
  return { kind: "numeric", name, mean, std: std > 1e-12 ? std : 1 };
}

function fitCategorical(name: string, rows: ReadonlyArray<RawRow>, maxCategories: number): FittedColumn {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const c = toCategory(row[name]);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const kept = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, maxCategories)
    .map(([c]) => c)
    .sort();
  return { kind: "categorical", name, categories: kept };
}

/** Fits the encoding on training rows only (means, std, the `maxCategories` most frequent categories). */
export function fitFeatureSpec(rows: ReadonlyArray<RawRow>, columns: ReadonlyArray<ColumnSpec>, options: { maxCategories?: number } = {}): FeatureSpec {
  const maxCategories = options.maxCategories ?? 100;
  const fitted = columns.map((c): FittedColumn => {
    if (c.kind === "numeric") return fitNumeric(c.name, rows);
    if (c.kind === "categorical") return fitCategorical(c.name, rows, maxCategories);
    return { kind: "boolean", name: c.name };
  });
  return { version: 1, columns: fitted };
}

/** The encoded features in column order, with readable names. */
export function describeFeatures(spec: FeatureSpec): FeatureInfo[] {
  return spec.columns.flatMap((c): FeatureInfo[] =>
    c.kind === "categorical" ? c.categories.map((category) => ({ name: `${c.name}=${category}`, column: c.name, category })) : [{ name: c.name, column: c.name }],
  );
}

/** Number of encoded features a spec produces. */
export function countFeatures(spec: FeatureSpec): number {
  return spec.columns.reduce((n, c) => n + (c.kind === "categorical" ? c.categories.length : 1), 0);
}

/** Writes one row's features into `out` at `offset`. */
function writeRow(spec: FeatureSpec, row: RawRow, out: Float64Array, offset: number): void {
  let j = offset;
  for (const c of spec.columns) {
    if (c.kind === "numeric") {
      const v = parseNumeric(row[c.name]);
      out[j++] = v === null ? 0 : (v - c.mean) / c.std; // missing → the training mean
    } else if (c.kind === "boolean") {
      out[j++] = toFlag(row[c.name]);
    } else {
      const k = c.categories.indexOf(toCategory(row[c.name]));
      if (k >= 0) out[j + k] = 1;
      j += c.categories.length;
    }
  }
}

/** Encodes one row with a fitted spec. */
export function encodeRow(spec: FeatureSpec, row: RawRow): Float64Array {
  const out = new Float64Array(countFeatures(spec));
  writeRow(spec, row, out, 0);
  return out;
}

/** Encodes many rows into a matrix with a fitted spec. */
export function encodeRows(spec: FeatureSpec, rows: ReadonlyArray<RawRow>): Matrix {
  const m = createMatrix(rows.length, countFeatures(spec));
  rows.forEach((row, i) => writeRow(spec, row, m.data, i * m.cols));
  return m;
}

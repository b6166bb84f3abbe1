import { describe, expect, it } from "vitest";
import { FeatureSpecSchema, MISSING_CATEGORY, type ColumnKind, type RawValue } from "./feature-spec.js";
import { describeFeatures, encodeRow, encodeRows, fitFeatureSpec, inferColumnKind, parseNumeric, toFlag } from "./features.js";

const train = [
  { age: "30", job: "admin.", member: "yes" },
  { age: "40", job: "retired", member: "no" },
  { age: "50", job: "admin.", member: "" },
];
const columns = [
  { name: "age", kind: "numeric" as const },
  { name: "job", kind: "categorical" as const },
  { name: "member", kind: "boolean" as const },
];

describe("fitFeatureSpec / encodeRow", () => {
  const spec = fitFeatureSpec(train, columns);

  it("takes mean and (population) std from the training rows only", () => {
    expect(spec.columns[0]).toEqual({ kind: "numeric", name: "age", mean: 40, std: Math.sqrt(200 / 3) });
    expect(spec.columns[1]).toEqual({ kind: "categorical", name: "job", categories: ["admin.", "retired"] });
  });

  it("names features readably", () => {
    expect(describeFeatures(spec).map((f) => f.name)).toEqual(["age", "job=admin.", "job=retired", "member"]);
  });

  it.each<[string, Record<string, RawValue>, number[]]>([
    ["a training row", { age: "50", job: "admin.", member: "yes" }, [10 / Math.sqrt(200 / 3), 1, 0, 1]],
    ["an unseen category → all zeros", { age: "40", job: "student", member: "no" }, [0, 0, 0, 0]],
    ["missing values → mean, no category, flag 0", { age: "", job: null, member: undefined }, [0, 0, 0, 0]],
    ["numbers and booleans as native types", { age: 30, job: "retired", member: true }, [-10 / Math.sqrt(200 / 3), 0, 1, 1]],
    ["a non-numeric string in a numeric column is missing", { age: "n/a", job: " retired ", member: "Y" }, [0, 0, 1, 1]],
  ])("encodes %s", (_name, row, expected) => {
    const encoded = Array.from(encodeRow(spec, row));
    expected.forEach((v, j) => expect(encoded[j]).toBeCloseTo(v, 12));
    expect(encoded).toHaveLength(expected.length);
  });

  it("encodes many rows into one matrix", () => {
    const m = encodeRows(spec, train);
    expect([m.rows, m.cols]).toEqual([3, 4]);
    expect(Array.from(m.data.subarray(4, 8))).toEqual([0, 0, 1, 0]);
  });

  it("round-trips through JSON and validates", () => {
    const again = FeatureSpecSchema.parse(JSON.parse(JSON.stringify(spec)));
    expect(encodeRow(again, train[0] ?? {})).toEqual(encodeRow(spec, train[0] ?? {}));
    expect(() => FeatureSpecSchema.parse({ version: 1, columns: [{ kind: "numeric", name: "x", mean: 0, std: 0 }] })).toThrow();
  });

  it("gives a constant column std 1 so it encodes to 0", () => {
    const s = fitFeatureSpec([{ x: 5 }, { x: 5 }], [{ name: "x", kind: "numeric" }]);
    expect(s.columns[0]).toMatchObject({ mean: 5, std: 1 });
  });

  it("keeps blank categories as their own level and caps the number of categories by frequency", () => {
    const rows = ["a", "a", "a", "b", "b", "c", "", ""].map((v) => ({ c: v }));
    const s = fitFeatureSpec(rows, [{ name: "c", kind: "categorical" }], { maxCategories: 3 });
    expect(s.columns[0]).toEqual({ kind: "categorical", name: "c", categories: [MISSING_CATEGORY, "a", "b"] });
  });
});

describe("value parsing", () => {
  it.each<[RawValue[], ColumnKind]>([
    [["1", "2.5", "-3", "1e3"], "numeric"],
    [["1", "", " ", null, "7"], "numeric"],
    [["1", "yes"], "categorical"],
    [["", null], "categorical"],
    [[], "categorical"],
  ])("inferColumnKind(%j) = %s", (values, kind) => {
    expect(inferColumnKind(values)).toBe(kind);
  });

  it.each<[RawValue, number | null]>([
    [" 42 ", 42],
    ["-1.5", -1.5],
    ["", null],
    ["abc", null],
    [Number.NaN, null],
    [true, 1],
  ])("parseNumeric(%j) = %j", (value, expected) => {
    expect(parseNumeric(value)).toBe(expected);
  });

  it.each<[RawValue, number]>([
    ["yes", 1],
    ["TRUE", 1],
    ["1", 1],
    ["no", 0],
    ["", 0],
    [null, 0],
    [2, 1],
  ])("toFlag(%j) = %d", (value, expected) => {
    expect(toFlag(value)).toBe(expected);
  });
});

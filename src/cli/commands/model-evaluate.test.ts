import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv-reader.js";
import { createRandom, drawNormal, sigmoid } from "../../shared/domain/predictive/index.js";
import { chooseColumns, evaluateCsvTable } from "./model-evaluate.js";
import { formatEvaluation } from "./model-report.js";

/**
 * A bank-style CSV (`;`, quoted) where `won` depends strongly on `score` and `segment`, and `call_minutes` is a
 * leak (known only after the outcome) that the evaluation must leave out when told to.
 */
function generateCsv(n: number, seed: number): string {
  const random = createRandom(seed);
  const lines = ['"score";"segment";"region";"call_minutes";"won"'];
  for (let i = 0; i < n; i++) {
    const score = drawNormal(random);
    const segment = ["smb", "mid", "enterprise"][Math.floor(random() * 3)] ?? "smb";
    const region = ["north", "south"][Math.floor(random() * 2)] ?? "north";
    const z = -1 + 3 * score + (segment === "enterprise" ? 2 : segment === "smb" ? -1.5 : 0);
    const won = random() < sigmoid(z);
    const minutes = (won ? 20 : 5) + Math.floor(5 * random());
    lines.push(`${score.toFixed(3)};"${segment}";"${region}";${minutes};"${won ? "yes" : "no"}"`);
  }
  return `${lines.join("\n")}\n`;
}

describe("model evaluate on a CSV", () => {
  const table = parseCsv(generateCsv(3_000, 42));

  it("learns the signal (AUC > 0.9) and keeps an excluded column out of every feature", () => {
    const result = evaluateCsvTable(table, { label: "won", positive: "yes", exclude: ["call_minutes"], top: 20 });
    expect(result.metrics.auc).toBeGreaterThan(0.9);
    expect(result.excluded).toEqual(["call_minutes"]);
    expect(result.columns.map((c) => c.name)).not.toContain("call_minutes");
    expect(result.model.spec.columns.map((c) => c.name)).not.toContain("call_minutes");
    expect(result.topFeatures.map((f) => f.column)).not.toContain("call_minutes");
    expect(result.topFeatures.map((f) => f.feature)).not.toContain("won=yes");
    expect(result.train.rows + result.test.rows).toBe(3_000);
    expect(result.test.rows).toBe(750);
    expect(result.topFeatures[0]?.feature).toBe("score");
    const report = formatEvaluation("deals.csv", result);
    expect(report).toContain(`AUC       ${result.metrics.auc.toFixed(4)}`);
    expect(report).toContain("excluded: call_minutes");
  });

  it("infers numeric vs categorical and lets flags override", () => {
    expect(chooseColumns(table, { label: "won", positive: "yes" })).toEqual([
      { name: "score", kind: "numeric" },
      { name: "segment", kind: "categorical" },
      { name: "region", kind: "categorical" },
      { name: "call_minutes", kind: "numeric" },
    ]);
    expect(chooseColumns(table, { label: "won", positive: "yes", exclude: ["score"], categorical: ["call_minutes"] })).toEqual([
      { name: "segment", kind: "categorical" },
      { name: "region", kind: "categorical" },
      { name: "call_minutes", kind: "categorical" },
    ]);
  });

  it("is deterministic for a seed", () => {
    const opts = { label: "won", positive: "yes", exclude: ["call_minutes"], seed: 7 };
    expect(evaluateCsvTable(table, opts).metrics).toEqual(evaluateCsvTable(table, opts).metrics);
  });

  it("skips rows without a label", () => {
    const t = parseCsv("x;y\n1;yes\n2;\n3;no\n4;yes\n5;no\n6;no\n7;yes\n8;no\n");
    expect(evaluateCsvTable(t, { label: "y", positive: "yes", testFraction: 0.5 }).skippedRows).toBe(1);
  });

  it.each<[string, Parameters<typeof evaluateCsvTable>[1], RegExp]>([
    ["an unknown label", { label: "outcome", positive: "yes" }, /--label "outcome" is not a column/],
    ["an unknown excluded column", { label: "won", positive: "yes", exclude: ["nope"] }, /--exclude "nope"/],
    ["a label value that never occurs", { label: "won", positive: "true" }, /no row has won = "true"/],
    ["a column given two kinds", { label: "won", positive: "yes", numeric: ["score"], categorical: ["score"] }, /both numeric and categorical/],
  ])("rejects %s", (_name, options, message) => {
    expect(() => evaluateCsvTable(table, options)).toThrow(message);
  });
});

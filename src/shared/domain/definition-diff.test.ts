import { describe, expect, it } from "vitest";
import { STARTER_DEFINITION, diffDefinitions } from "./definition-diff.js";
import { DefinitionBodySchema } from "../contracts/agreement.js";

describe("definition diff", () => {
  it("is empty for identical versions and the starter definition is valid", () => {
    expect(diffDefinitions(STARTER_DEFINITION, STARTER_DEFINITION)).toEqual([]);
    expect(DefinitionBodySchema.safeParse(STARTER_DEFINITION).success).toBe(true);
  });

  it("names added, removed and changed rules, thresholds, decay and the MQL rule", () => {
    const next = structuredClone(STARTER_DEFINITION);
    next.fitRules = next.fitRules.filter((r) => r.id !== "manager");
    next.fitRules[0]!.points = 30;
    next.fitRules.push({ id: "competitor", label: "Competitor domain", conditions: [{ field: "contact.email_domain", op: "in", value: ["stackline.io"] }], points: -100 });
    next.halfLifeDays = 21;
    next.mqlRule = { grades: ["A"], engagementThreshold: 50 };
    expect(diffDefinitions(STARTER_DEFINITION, next)).toEqual([
      { kind: "changed", area: "fit", text: "200+ employees (account.employees gte 200) → +20  ⟶  200+ employees (account.employees gte 200) → +30" },
      { kind: "added", area: "fit", text: "Competitor domain (contact.email_domain in (stackline.io)) → -100" },
      { kind: "removed", area: "fit", text: "Director or manager (contact.seniority in (director, manager)) → +10" },
      { kind: "changed", area: "decay", text: "engagement half-life 30 d  ⟶  21 d" },
      { kind: "changed", area: "mql", text: "MQL when grade in (A, B) and engagement ≥ 40  ⟶  grade in (A) and engagement ≥ 50" },
    ]);
  });
});

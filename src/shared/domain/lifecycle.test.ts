import { describe, expect, it } from "vitest";
import { MAIN_STAGES, STAGES, allowedTransitions, canTransition, checkTransition, stageTimestampKey, stagesPassed, type Stage } from "./lifecycle.js";

describe("lifecycle table", () => {
  it.each<[Stage, Stage, boolean]>([
    ["lead", "mql", true],
    ["subscriber", "opportunity", true],
    ["mql", "sal", true],
    ["mql", "rejected", true],
    ["mql", "sql", false],
    ["mql", "opportunity", false],
    ["sal", "sql", true],
    ["sql", "lead", false],
    ["opportunity", "customer", true],
    ["opportunity", "lost", true],
    ["opportunity", "no_decision", true],
    ["lead", "lost", false],
    ["rejected", "recycled", true],
    ["recycled", "mql", true],
    ["disqualified", "lead", false],
    ["customer", "opportunity", true],
    ["customer", "lead", false],
  ])("%s → %s allowed: %s", (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });

  it("keeps disqualified terminal and explains why", () => {
    expect(allowedTransitions("disqualified")).toEqual([]);
    expect(checkTransition("disqualified", "lead")).toEqual({ ok: false, reason: "disqualified is terminal; the contact cannot move" });
  });

  it("requires a reason for every exit stage and none for forward moves", () => {
    expect(checkTransition("mql", "rejected")).toEqual({ ok: false, reason: "moving to rejected requires a reason code" });
    expect(checkTransition("mql", "rejected", "student")).toEqual({ ok: true });
    expect(checkTransition("sal", "recycled")).toMatchObject({ ok: false });
    expect(checkTransition("opportunity", "lost")).toMatchObject({ ok: false });
    expect(checkTransition("opportunity", "no_decision")).toMatchObject({ ok: false });
    expect(checkTransition("lead", "disqualified")).toMatchObject({ ok: false });
    expect(checkTransition("lead", "mql")).toEqual({ ok: true });
  });

  it("names the allowed moves when it refuses one", () => {
    expect(checkTransition("mql", "sql")).toEqual({ ok: false, reason: "cannot move from mql to sql; allowed: sal, rejected, recycled, disqualified" });
    expect(checkTransition("lead", "lead")).toEqual({ ok: false, reason: "the contact is already lead" });
  });

  it("never moves backwards along the main funnel except customer → opportunity (expansion)", () => {
    for (const from of MAIN_STAGES) {
      for (const to of allowedTransitions(from)) {
        const fi = MAIN_STAGES.indexOf(from);
        const ti = MAIN_STAGES.indexOf(to as (typeof MAIN_STAGES)[number]);
        if (ti >= 0 && ti < fi) expect([from, to]).toEqual(["customer", "opportunity"]);
      }
    }
  });

  it("lists only known stages as targets", () => {
    for (const s of STAGES) for (const t of allowedTransitions(s)) expect(STAGES).toContain(t);
  });

  it("maps stages to their timestamp columns and counts earlier stages as passed", () => {
    expect(stageTimestampKey("no_decision")).toBe("noDecisionAt");
    expect(stageTimestampKey("mql")).toBe("mqlAt");
    expect(stagesPassed("sql")).toEqual(["subscriber", "lead", "mql", "sal", "sql"]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Condition, FitField, FitRule } from "../../../shared/contracts/agreement.js";
import { scoreFit, type FitSubject } from "../../../shared/domain/scoring.js";
import { useHarness } from "../../../../test/harness.js";
import { fitPointsSql, quote } from "./definition-sql.js";

const h = useHarness();

const TEXT_FIELDS: FitField[] = ["contact.seniority", "contact.title", "contact.country", "contact.email_domain", "account.industry", "account.region"];
const NUMBER_FIELDS: FitField[] = ["account.employees", "account.annual_revenue"];
// Values chosen to collide: case, surrounding whitespace (tabs, no-break spaces), quotes, backslashes, SQL-looking text.
const WORDS = ["vp", "VP", " vp\t", "\u00a0Vp", "", "  ", "o'brien", "O'Brien\\", "\\' or 1=1) --", "$$x$$", "software", "Soft"];
const NUMBERS = [0, 50, 199, 200, 1500000, 2.5];

const word = fc.constantFrom(...WORDS);
const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ field: fc.constantFrom(...TEXT_FIELDS), op: fc.constantFrom("eq", "neq", "contains"), value: fc.oneof(word, fc.constantFrom(...NUMBERS)) }),
  fc.record({ field: fc.constantFrom(...TEXT_FIELDS), op: fc.constantFrom("in", "not_in"), value: fc.array(fc.oneof(word, fc.constantFrom(...NUMBERS)), { maxLength: 3 }) }),
  fc.record({ field: fc.constantFrom(...NUMBER_FIELDS), op: fc.constantFrom("eq", "neq", "gt", "gte", "lt", "lte", "contains"), value: fc.constantFrom(...NUMBERS) }),
  fc.record({ field: fc.constantFrom(...NUMBER_FIELDS), op: fc.constantFrom("in", "not_in"), value: fc.array(fc.oneof(fc.constantFrom(...NUMBERS), word), { maxLength: 3 }) }),
  fc.record({ field: fc.constantFrom(...TEXT_FIELDS, ...NUMBER_FIELDS), op: fc.constantFrom("exists", "not_exists") }),
);
const rules: fc.Arbitrary<FitRule[]> = fc.array(
  fc.record({ id: fc.constantFrom("r1", "it's", "a\\b"), label: fc.constantFrom("Rule", "O'Brien \\ rule"), conditions: fc.array(condition, { minLength: 1, maxLength: 3 }), points: fc.integer({ min: -50, max: 50 }) }),
  { minLength: 1, maxLength: 4 },
);
const subject = fc.record({
  text: fc.array(fc.option(word, { nil: null }), { minLength: TEXT_FIELDS.length, maxLength: TEXT_FIELDS.length }),
  // employees is an integer column; annual revenue a numeric one.
  numbers: fc.tuple(fc.option(fc.constantFrom(0, 50, 199, 200, 1500000), { nil: null }), fc.option(fc.constantFrom(...NUMBERS), { nil: null })),
});

describe("definition compiled to SQL", () => {
  it("scores fit exactly as the domain rule does, for every operator, whitespace, case and quoting", async () => {
    await fc.assert(
      fc.asyncProperty(rules, fc.array(subject, { minLength: 1, maxLength: 6 }), async (fitRules, subjects) => {
        const def = { fitRules, gradeThresholds: { A: 40, B: 20, C: 10 }, engagementRules: [], halfLifeDays: 10, mqlRule: { grades: ["A" as const], engagementThreshold: 1 } };
        for (const s of subjects) {
          const subj: FitSubject = Object.fromEntries([...TEXT_FIELDS.map((f, i) => [f, s.text[i] ?? null]), ...NUMBER_FIELDS.map((f, i) => [f, s.numbers[i] ?? null])]);
          const t = s.text.map((v) => (v === null ? "null" : `${quote(v)}::text`));
          const n = s.numbers.map((v) => (v === null ? "null" : String(v)));
          const query = `select (${fitPointsSql(def)})::int as points from
            (select ${t[0]} as seniority, ${t[1]} as title, ${t[2]} as country, ${t[3]} as email_domain, null::text as department, null::text as persona, null::text as source, null::text as channel) c,
            (select ${t[4]} as industry, ${t[5]} as region, ${n[0]}::int as employees, ${n[1]}::numeric as annual_revenue, null::text as country, null::text as segment, null::text as customer_status) a`;
          const res = await h.tdb.db.orm.execute<{ points: number }>(sql.raw(query));
          expect(res.rows[0]!.points).toBe(scoreFit(fitRules, subj).points);
        }
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });

  it("keeps quotes and backslashes inside the literal whatever standard_conforming_strings says", async () => {
    const evil = "\\' or 1=1) --";
    for (const setting of ["on", "off"]) {
      const res = await h.tdb.ownerDb.pool.query(`set standard_conforming_strings = ${setting}; select ${quote(evil)} as v`);
      const rows = (res as unknown as { rows: { v: string }[] }[])[1]!.rows;
      expect(rows[0]!.v).toBe(evil);
    }
  });
});

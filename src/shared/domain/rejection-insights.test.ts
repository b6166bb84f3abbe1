import { describe, expect, it } from "vitest";
import { FitRuleSchema } from "../contracts/agreement.js";
import { describeSuggestion, findSignal, negativeRule, type LeadFacts } from "./rejection-insights.js";

const lead = (title: string, industry: string | null = "software"): LeadFacts => ({ "contact.title": title, "account.industry": industry });

describe("finding what rejected leads share", () => {
  // 10 rejected: 6 students, 2 interns, 2 engineers; 20 accepted: 1 intern, 2 engineers, 17 others.
  const rejected = [...Array(6).fill(lead("Student", null)), ...Array(2).fill(lead("Intern", null)), lead("Engineer"), lead("Engineer")];
  const accepted = [lead("Intern"), lead("Engineer"), lead("Engineer"), ...Array(8).fill(lead("CTO")), ...Array(9).fill(lead("VP IT"))];

  it("keeps values at least four times more common among the rejected: Student 60 % vs 0 %, Intern 20 % vs 5 % (Engineer 20 % vs 10 % is not)", () => {
    expect(findSignal(rejected, accepted)).toEqual({ field: "contact.title", values: ["Intern", "Student"], rejectedShare: 0.8, acceptedShare: 0.05 });
  });

  it("finds nothing when the trait is as common among accepted leads", () => {
    const alike = [...Array(8).fill(lead("Student")), ...Array(12).fill(lead("CTO"))];
    expect(findSignal(rejected, alike)).toBeNull();
  });

  it("finds nothing when no field covers half the rejected leads", () => {
    const scattered = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"].map((t) => lead(t, null));
    expect(findSignal(scattered, accepted)).toBeNull();
  });
});

describe("the suggested rule", () => {
  const signal = { field: "contact.title" as const, values: ["Intern", "Student"], rejectedShare: 0.8, acceptedShare: 0.05 };
  it("is a valid fit rule worth minus the A threshold", () => {
    const rule = negativeRule(signal, "student", "Student or job seeker", { A: 40, B: 25, C: 10 });
    expect(FitRuleSchema.parse(rule)).toEqual({
      id: "feedback-student-contact-title",
      label: "Student or job seeker: contact.title in Intern, Student",
      conditions: [{ field: "contact.title", op: "in", value: ["Intern", "Student"] }],
      points: -40,
    });
  });
  it("says what it found", () => {
    expect(describeSuggestion({ share: 0.38, count: 19, groupLabel: "Q3 Ebook Blitz", reasonLabel: "Student or job seeker", signal })).toBe(
      '38 % of rejections from Q3 Ebook Blitz are "Student or job seeker" (19); 80 % of those have contact.title in (Intern, Student) against 5 % of accepted leads — add a negative fit rule.',
    );
  });
});

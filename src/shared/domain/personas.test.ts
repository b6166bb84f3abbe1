import { describe, expect, it } from "vitest";
import { EMPTY_CRITERIA, matchPersona, specificity, type PersonaCriteria, type PersonaSubject } from "./personas.js";

const def = (name: string, c: Partial<PersonaCriteria>) => ({ id: name, name, criteria: { ...EMPTY_CRITERIA, ...c } });
const who = (s: Partial<PersonaSubject>): PersonaSubject => ({ title: null, seniority: null, department: null, industry: null, employees: null, ...s });

// Four definitions: an engineering leader (title only, 1 criterion), a VP of engineering (title + seniority, 2),
// an enterprise VP (title + seniority + size ≥ 1000, 3) and a finance buyer (department only, 1).
const leader = def("Engineering leader", { titleKeywords: ["engineering"] });
const vp = def("VP Engineering", { titleKeywords: ["VP Engineering", "Head of Engineering"], seniorities: ["vp"] });
const enterpriseVp = def("Enterprise VP", { titleKeywords: ["vp"], seniorities: ["VP"], minEmployees: 1000 });
const finance = def("Finance", { departments: ["Finance"] });
const all = [leader, vp, enterpriseVp, finance];

describe("matchPersona", () => {
  it("counts the criteria a definition sets (the size range once)", () => {
    expect([leader, vp, enterpriseVp, finance].map((d) => specificity(d.criteria))).toEqual([1, 2, 3, 1]);
    expect(specificity({ ...EMPTY_CRITERIA, minEmployees: 10, maxEmployees: 50 })).toBe(1);
  });

  it("picks the definition with the most criteria that all hold", () => {
    // "VP, Engineering" at 200 employees: leader (1) and vp (2) hold; enterprise VP fails the size → vp.
    expect(matchPersona(all, who({ title: "VP, Engineering", seniority: "vp", employees: 200 }))?.name).toBe("VP Engineering");
    // The same person at 5,000 employees: enterprise VP (3) also holds → it wins.
    expect(matchPersona(all, who({ title: "VP, Engineering", seniority: "VP", employees: 5000 }))?.name).toBe("Enterprise VP");
    // An unknown employee count fails a size bound: back to vp.
    expect(matchPersona(all, who({ title: "VP Engineering", seniority: "vp" }))?.name).toBe("VP Engineering");
  });

  it("matches title keywords as whole words, ignoring case and punctuation", () => {
    // "Engineering Manager" has the word "engineering" → leader; "Reengineering lead" does not.
    expect(matchPersona(all, who({ title: "Engineering Manager" }))?.name).toBe("Engineering leader");
    expect(matchPersona(all, who({ title: "Reengineering lead" }))).toBeNull();
    // "VP Engineering" as a phrase needs both words in a row: "VP of Engineering" only has "engineering" → leader (seniority vp
    // holds but the vp definition's title keywords do not).
    expect(matchPersona(all, who({ title: "VP of Engineering", seniority: "vp" }))?.name).toBe("Engineering leader");
    expect(matchPersona(all, who({ title: "Head-of-Engineering", seniority: "VP" }))?.name).toBe("VP Engineering");
  });

  it("breaks a tie on specificity by the longer title keyword, then by name", () => {
    const platform = def("Platform", { titleKeywords: ["platform engineering"] });
    // Both hold with 1 criterion: "platform engineering" (2 words) beats "engineering" (1 word).
    expect(matchPersona([leader, platform], who({ title: "Director of Platform Engineering" }))?.name).toBe("Platform");
    // Finance (department) and leader (title) both hold with 1 criterion and a 0- vs 1-word title hit → leader.
    expect(matchPersona([finance, leader], who({ title: "Engineering finance", department: "finance" }))?.name).toBe("Engineering leader");
    // Same criteria count and no title keywords: the name decides (A→Z), whatever the order given.
    const a = def("Alpha", { industries: ["Software"] });
    const b = def("Beta", { departments: ["IT"] });
    expect(matchPersona([b, a], who({ industry: "software", department: "it" }))?.name).toBe("Alpha");
  });

  it("matches nothing with no definitions, an empty definition, or nothing holding", () => {
    expect(matchPersona([], who({ title: "CTO" }))).toBeNull();
    expect(matchPersona([def("Anyone", {})], who({ title: "CTO" }))).toBeNull();
    expect(matchPersona(all, who({ title: "Student" }))).toBeNull();
    // maxEmployees is inclusive: 50 ≤ 50 holds, 51 does not.
    const smb = def("SMB owner", { seniorities: ["owner"], maxEmployees: 50 });
    expect(matchPersona([smb], who({ seniority: "Owner", employees: 50 }))?.name).toBe("SMB owner");
    expect(matchPersona([smb], who({ seniority: "Owner", employees: 51 }))).toBeNull();
  });
});

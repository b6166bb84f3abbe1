import { describe, expect, it } from "vitest";
import { personTerms, redactJson, redactText } from "./redact.js";

describe("redaction of an erased person", () => {
  it("collects the e-mail, full name and name parts, longest first, dropping one-letter parts", () => {
    expect(personTerms({ email: "ada@byron.example", firstName: "Ada", lastName: "Byron" })).toEqual(["ada@byron.example", "Ada Byron", "Byron", "Ada"]);
    expect(personTerms({ email: null, firstName: "J", lastName: "Doe" })).toEqual(["J Doe", "Doe"]);
    expect(personTerms({})).toEqual([]);
  });

  it("replaces every occurrence in any letter case, the full name as one marker", () => {
    const terms = personTerms({ email: "ada@byron.example", firstName: "Ada", lastName: "Byron" });
    expect(redactText("Ada Byron (ADA@Byron.example) was handed to you; ada replied", terms)).toBe("[erased] ([erased]) was handed to you; [erased] replied");
    // A term that contains the marker's letters does not loop.
    expect(redactText("erased erased", ["erased"])).toBe("[erased] [erased]");
  });

  it("walks JSON: strings in objects and arrays, keys too; numbers and nulls stay", () => {
    const terms = ["ada@byron.example", "Ada"];
    expect(redactJson({ contact: { email: "ada@byron.example", firstName: "Ada", score: 12, tags: ["Ada's", null] }, "Ada": true }, terms)).toEqual({
      contact: { email: "[erased]", firstName: "[erased]", score: 12, tags: ["[erased]'s", null] },
      "[erased]": true,
    });
  });
});

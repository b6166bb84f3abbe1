import { describe, expect, it } from "vitest";
import { TOUCHPOINT_TYPES } from "./touchpoints.js";
import { PREDICTIVE_COLUMNS, PREDICTIVE_COLUMN_LABELS, TOUCH_GROUPS, contactFeatures, customerStatusAt, describeContributions, featureLabel, groupTouches, isFreeMail, type ContactFeatureInput } from "./predictive-features.js";

const cutoff = new Date("2026-03-01T00:00:00Z");
const input: ContactFeatureInput = {
  email: "Kim@Gmail.com",
  seniority: "vp",
  department: " Engineering ",
  persona: "CTO",
  country: null,
  source: "",
  channel: "webinar",
  industry: "Software",
  employees: 999,
  annualRevenue: null,
  region: "EMEA",
  customerStatus: "customer",
  accountFirstWinAt: new Date("2026-03-05T00:00:00Z"),
  cutoff,
  touches: { page_view: 3, chat: 1, meeting: 2, webinar_attend: 1, unknown_type: 7 },
};

describe("predictive features", () => {
  it("puts every touchpoint type in exactly one group, and every column has a label", () => {
    const grouped = Object.values(TOUCH_GROUPS).flat();
    expect([...grouped].sort()).toEqual([...TOUCHPOINT_TYPES].sort());
    for (const c of PREDICTIVE_COLUMNS) expect(PREDICTIVE_COLUMN_LABELS[c.name], c.name).toBeTruthy();
  });

  it("hides a customer status reached at or after the cutoff", () => {
    expect(customerStatusAt("customer", new Date("2026-03-05T00:00:00Z"), cutoff)).toBe("prospect");
    expect(customerStatusAt("former_customer", cutoff, cutoff)).toBe("prospect");
    expect(customerStatusAt("customer", new Date("2026-02-01T00:00:00Z"), cutoff)).toBe("customer");
    // A customer from before the data began has no won deal on record: the status stands.
    expect(customerStatusAt("customer", null, cutoff)).toBe("customer");
    expect(customerStatusAt("partner", new Date("2026-03-05T00:00:00Z"), cutoff)).toBe("partner");
  });

  it("builds a row: lower-cased categories, blanks missing, log(1 + x) numbers, grouped touches", () => {
    expect(isFreeMail("kim@gmail.com")).toBe(true);
    expect(isFreeMail("kim@acme.example")).toBe(false);
    expect(isFreeMail(null)).toBe(false);
    expect(groupTouches(input.touches)).toEqual({ nurture: 0, email: 0, web: 4, content: 0, events: 1, sales: 2 });
    const { row, display } = contactFeatures(input);
    expect(row).toMatchObject({
      "contact.seniority": "vp",
      "contact.department": "engineering",
      "contact.persona": "cto",
      "contact.country": null,
      "contact.source": null,
      "contact.free_mail": true,
      "account.industry": "software",
      "account.customer_status": "prospect",
      "account.annual_revenue": null,
      "touches.events": Math.log(2),
      "touches.content": 0,
    });
    expect(row["account.employees"]).toBeCloseTo(Math.log(1000), 12);
    expect(row["touches.web"]).toBeCloseTo(Math.log(5), 12);
    expect(display).toMatchObject({ "account.employees": 999, "touches.web": 4, "touches.sales": 2 });
    expect(Object.keys(row).sort()).toEqual(PREDICTIVE_COLUMNS.map((c) => c.name).sort());
  });

  it("describes contributions with the contact's own values", () => {
    const { display } = contactFeatures(input);
    const factors = describeContributions(
      [
        { feature: "account.industry=software", column: "account.industry", encoded: 1, contribution: 1.2 },
        { feature: "touches.web", column: "touches.web", encoded: -0.4, contribution: -0.3 },
      ],
      display,
    );
    expect(factors).toEqual([
      { feature: "account.industry=software", column: "account.industry", label: "Industry", value: "software", contribution: 1.2, direction: "up" },
      { feature: "touches.web", column: "touches.web", label: "Web visits, ad clicks, chats (90 days)", value: 4, contribution: -0.3, direction: "down" },
    ]);
    expect(featureLabel("account.industry=software", "account.industry")).toBe("Industry = software");
    expect(featureLabel("contact.free_mail", "contact.free_mail")).toBe("Free-mail address");
  });
});

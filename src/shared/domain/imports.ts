/**
 * CSV import rules (docs/IMPORTS.md): the fields each entity takes, the HubSpot and Salesforce presets that
 * propose a mapping from a file's header, and the per-cell parsing every row goes through. Pure: the server
 * runs these on each row; the web app shows the same fields and proposals.
 */
import type { Stage } from "./lifecycle.js";
import { PRESET_ALIASES } from "./import-presets.js";

export const IMPORT_ENTITIES = ["accounts", "contacts", "deals", "campaigns", "touchpoints"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];
export const IMPORT_PRESETS = ["hubspot", "salesforce", "generic"] as const;
export type ImportPreset = (typeof IMPORT_PRESETS)[number];

export type FieldType = "text" | "email" | "int" | "number" | "date" | "stage" | "owner" | "domain" | "bool";
export type ImportField = { name: string; label: string; type: FieldType; required?: boolean };

const f = (name: string, label: string, type: FieldType = "text", required = false): ImportField => ({ name, label, type, required });

/** The fields each entity can take from a file; `externalId` is the record's id in the source system. */
export const IMPORT_FIELDS: Record<ImportEntity, readonly ImportField[]> = {
  accounts: [
    f("externalId", "External id"),
    f("name", "Name", "text", true),
    f("domain", "Domain", "domain"),
    f("industry", "Industry"),
    f("employees", "Employees", "int"),
    f("annualRevenue", "Annual revenue", "number"),
    f("country", "Country"),
    f("region", "Region"),
    f("owner", "Owner (e-mail or name)", "owner"),
  ],
  contacts: [
    f("externalId", "External id"),
    f("email", "E-mail", "email"),
    f("firstName", "First name"),
    f("lastName", "Last name"),
    f("title", "Job title"),
    f("phone", "Phone"),
    f("country", "Country"),
    f("department", "Department"),
    f("source", "Source"),
    f("stage", "Lifecycle stage", "stage"),
    f("owner", "Owner (e-mail or name)", "owner"),
    f("accountExternalId", "Account external id"),
    f("accountDomain", "Company domain", "domain"),
  ],
  deals: [
    f("externalId", "External id"),
    f("name", "Name", "text", true),
    f("accountExternalId", "Account external id"),
    f("accountName", "Account name"),
    f("accountDomain", "Account domain", "domain"),
    f("stageName", "Stage"),
    f("amount", "Amount", "number"),
    f("closeDate", "Close date", "date"),
    f("isClosed", "Closed", "bool"),
    f("isWon", "Won", "bool"),
    f("winReason", "Win reason"),
    f("lossReason", "Loss reason"),
    f("type", "Type"),
    f("owner", "Owner (e-mail or name)", "owner"),
    f("createdAt", "Created", "date"),
  ],
  campaigns: [
    f("externalId", "External id"),
    f("name", "Name", "text", true),
    f("channel", "Channel / type"),
    f("status", "Status"),
    f("startsOn", "Start date", "date"),
    f("endsOn", "End date", "date"),
    f("budget", "Budget", "number"),
    f("actualCost", "Actual cost", "number"),
    f("owner", "Owner (e-mail or name)", "owner"),
  ],
  touchpoints: [
    f("externalId", "External id / client event id"),
    f("email", "Contact e-mail", "email"),
    f("contactExternalId", "Contact external id"),
    f("type", "Type", "text", true),
    f("occurredAt", "Occurred at", "date", true),
    f("channel", "Channel"),
    f("campaign", "Campaign name"),
    f("campaignExternalId", "Campaign external id"),
  ],
};

/** Header names are compared lower-case with everything but letters and digits removed ("Phone Number" → phonenumber). */
export function headerKey(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** A mapping: field name → the header column it is read from. */
export type ImportMapping = Record<string, string>;

/** The mapping a preset proposes for a header: each field from the first column whose key is one of its aliases (generic: the field's own name or label). */
export function proposeMapping(entity: ImportEntity, preset: ImportPreset, header: readonly string[]): ImportMapping {
  const keys = new Map<string, string>();
  for (const h of header) if (!keys.has(headerKey(h))) keys.set(headerKey(h), h);
  const aliases = preset === "generic" ? undefined : PRESET_ALIASES[preset][entity];
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS[entity]) {
    const candidates = aliases?.[field.name] ?? [headerKey(field.name), headerKey(field.label)];
    const hit = candidates.map((c) => keys.get(c)).find((h) => h !== undefined);
    if (hit !== undefined) mapping[field.name] = hit;
  }
  return mapping;
}

// HubSpot lifecycle stages by internal value and export label (as header keys). Evangelists are customers who
// promote you; "other" has no place in the funnel, so it starts as a lead.
const STAGE_NAMES: Record<string, Stage> = {
  subscriber: "subscriber",
  lead: "lead",
  marketingqualifiedlead: "mql",
  mql: "mql",
  salesacceptedlead: "sal",
  sal: "sal",
  salesqualifiedlead: "sql",
  sql: "sql",
  opportunity: "opportunity",
  customer: "customer",
  evangelist: "customer",
  other: "lead",
};

/** Our stage for a lifecycle value from a file (HubSpot names and labels, or our own names); null if unknown. */
export function mapLifecycleStage(value: string): Stage | null {
  return STAGE_NAMES[headerKey(value)] ?? null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A domain from a domain, URL or e-mail address, lower-case without `www.`; null if it has no dot. */
export function normaliseDomain(value: string): string | null {
  let v = value.trim().toLowerCase();
  if (v.includes("@")) v = v.slice(v.lastIndexOf("@") + 1);
  v = v.replace(/^[a-z]+:\/\//, "").replace(/^www\./, "").split(/[/?#:]/)[0] ?? "";
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(v) ? v : null;
}

export type CellValue = string | number | boolean | null;

/** Parses one cell for a field: the value (null for an empty cell) or the reason it is not valid. */
export function parseCell(field: ImportField, raw: string): { value: CellValue } | { error: string } {
  const v = raw.trim();
  if (v === "") return field.required ? { error: `${field.label} is required` } : { value: null };
  switch (field.type) {
    case "email":
      return EMAIL.test(v) && v.length <= 254 ? { value: v.toLowerCase() } : { error: `${field.label} "${v}" is not an e-mail address` };
    case "int": {
      const n = Number(v.replace(/,/g, ""));
      return Number.isFinite(n) && Math.abs(n) < 2 ** 31 ? { value: Math.round(n) } : { error: `${field.label} "${v}" is not a whole number` };
    }
    case "number": {
      const n = Number(v.replace(/,/g, ""));
      return Number.isFinite(n) && Math.abs(n) < 1e12 ? { value: n } : { error: `${field.label} "${v}" is not a number` };
    }
    case "date": {
      const m = DATE.exec(v);
      const d = m ? new Date(m[4] ? v.replace(" ", "T") + (m[7] ? "" : "Z") : `${v}T00:00:00Z`) : null;
      return d && !Number.isNaN(d.getTime()) ? { value: d.toISOString() } : { error: `${field.label} "${v}" is not a date (YYYY-MM-DD or ISO 8601)` };
    }
    case "bool": {
      const b = v.toLowerCase();
      if (["true", "1", "yes"].includes(b)) return { value: true };
      if (["false", "0", "no"].includes(b)) return { value: false };
      return { error: `${field.label} "${v}" is not true/false` };
    }
    case "stage": {
      const s = mapLifecycleStage(v);
      return s ? { value: s } : { error: `${field.label} "${v}" is not a lifecycle stage we know` };
    }
    case "domain": {
      const d = normaliseDomain(v);
      return d ? { value: d } : { error: `${field.label} "${v}" is not a domain` };
    }
    default:
      // A leading ' before a formula character is how our own exports (and the error report) neutralise formulas.
      return { value: (/^'[=+\-@]/.test(v) ? v.slice(1) : v).slice(0, 1000) };
  }
}

export type ParsedRow = { values: Record<string, CellValue> } | { error: string } | { empty: true };

/** Maps and parses one data row: every mapped field's value, the first reason it fails, or empty (nothing in it). */
export function parseRow(entity: ImportEntity, mapping: ImportMapping, index: ReadonlyMap<string, number>, fields: readonly string[]): ParsedRow {
  if (fields.every((c) => c.trim() === "")) return { empty: true };
  const values: Record<string, CellValue> = {};
  const errors: string[] = [];
  for (const field of IMPORT_FIELDS[entity]) {
    const column = mapping[field.name];
    const at = column === undefined ? undefined : index.get(column);
    const parsed = parseCell(field, at === undefined ? "" : (fields[at] ?? ""));
    if ("error" in parsed) errors.push(parsed.error);
    else values[field.name] = parsed.value;
  }
  if (entity === "contacts" && !values.email && !values.lastName && !values.firstName && !values.externalId) errors.push("a contact needs an e-mail, a name or an external id");
  if (entity === "touchpoints" && !errors.length && !values.email && !values.contactExternalId) errors.push("a touchpoint needs a contact e-mail or a contact external id");
  return errors.length ? { error: errors.join("; ") } : { values };
}

/** The fields a mapping names that the entity does not have, and the required fields it leaves unmapped. */
export function checkMapping(entity: ImportEntity, mapping: ImportMapping, header: readonly string[]): string[] {
  const names = new Set(IMPORT_FIELDS[entity].map((x) => x.name));
  const problems: string[] = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (!names.has(field)) problems.push(`${entity} have no field "${field}"`);
    else if (!header.includes(column)) problems.push(`the file has no column "${column}" (for ${field})`);
  }
  for (const x of IMPORT_FIELDS[entity]) if (x.required && !mapping[x.name]) problems.push(`${x.label} must be mapped`);
  return problems;
}

const DELIMITERS = [",", ";", "\t", "|"];

/** The delimiter that occurs most often outside quotes on the first line (`,` when none does). */
export function detectDelimiter(firstLine: string): string {
  let best = ",";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let n = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === d) n++;
    }
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

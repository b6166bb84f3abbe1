/**
 * Redaction of an erased person's identifying text (GDPR erasure): their e-mail and names, wherever other records
 * quoted them (notification texts, webhook payloads). Matching ignores letter case; the longest term is replaced
 * first, so "Ada Byron" becomes one marker rather than two.
 */

/** What replaces an erased person's e-mail or name. */
export const ERASED_MARKER = "[erased]";

/** What to look for about a person: the e-mail, the full name, and each name part (at least two characters). */
export function personTerms(p: { email?: string | null; firstName?: string | null; lastName?: string | null }): string[] {
  const first = p.firstName?.trim() ?? "";
  const last = p.lastName?.trim() ?? "";
  const terms = [p.email?.trim() ?? "", `${first} ${last}`.trim(), first, last].filter((t) => t.length >= 2);
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

/** Whether `text` mentions any of the terms (any letter case). */
export function mentionsAny(text: string, terms: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return terms.some((t) => lower.includes(t.toLowerCase()));
}

/** `text` with every occurrence of the terms (any letter case) replaced by the marker. */
export function redactText(text: string, terms: readonly string[]): string {
  let out = text;
  for (const term of terms) {
    const lower = term.toLowerCase();
    let at = out.toLowerCase().indexOf(lower);
    while (at >= 0) {
      out = out.slice(0, at) + ERASED_MARKER + out.slice(at + term.length);
      at = out.toLowerCase().indexOf(lower, at + ERASED_MARKER.length);
    }
  }
  return out;
}

/** A JSON value with the terms redacted in every string, keys included. */
export function redactJson(value: unknown, terms: readonly string[]): unknown {
  if (typeof value === "string") return redactText(value, terms);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, terms));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactText(k, terms), redactJson(v, terms)]));
  return value;
}

/** An erased contact as the modules that quoted it need it: its id, its e-mail and the terms to redact. */
export type ErasedPerson = { contactId: string; email: string | null; terms: readonly string[] };

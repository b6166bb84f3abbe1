/**
 * Persona definitions and matching (docs/ENABLEMENT.md, "Personas"). A definition lists criteria; each criterion
 * that is set must hold, unset ones are ignored, and the definition with the most criteria set wins.
 */
export type PersonaCriteria = {
  /** Any of these words or phrases in the title (whole words, ignoring case and punctuation). */
  titleKeywords: string[];
  /** One of these seniorities (ignoring case). */
  seniorities: string[];
  /** One of these departments (ignoring case). */
  departments: string[];
  /** The account's industry is one of these (ignoring case). */
  industries: string[];
  /** The account's employee count is at least this (inclusive); an unknown count fails a bound. */
  minEmployees: number | null;
  /** The account's employee count is at most this (inclusive). */
  maxEmployees: number | null;
};

export type PersonaDefinition = { id: string; name: string; criteria: PersonaCriteria };

/** The contact and account fields matching reads. */
export type PersonaSubject = {
  title: string | null;
  seniority: string | null;
  department: string | null;
  industry: string | null;
  employees: number | null;
};

export const EMPTY_CRITERIA: PersonaCriteria = { titleKeywords: [], seniorities: [], departments: [], industries: [], minEmployees: null, maxEmployees: null };

/** Lower-case words of a text, punctuation dropped ("Co-founder & CTO" → co founder cto). */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Length in words of the longest keyword found as a whole-word run in the title; 0 when none. */
function titleHit(title: string | null, keywords: string[]): number {
  if (!title) return 0;
  const t = words(title);
  let best = 0;
  for (const k of keywords) {
    const kw = words(k);
    if (kw.length === 0) continue;
    for (let i = 0; i + kw.length <= t.length; i++) {
      if (kw.every((w, j) => t[i + j] === w)) {
        best = Math.max(best, kw.length);
        break;
      }
    }
  }
  return best;
}

const oneOf = (value: string | null, list: string[]) => value !== null && list.some((x) => x.trim().toLowerCase() === value.trim().toLowerCase());

/** How many criteria a definition sets (the size range counts once); a definition with none never matches. */
export function specificity(c: PersonaCriteria): number {
  const lists = [c.titleKeywords, c.seniorities, c.departments, c.industries].filter((l) => l.some((x) => x.trim() !== "")).length;
  return lists + (c.minEmployees !== null || c.maxEmployees !== null ? 1 : 0);
}

/** Whether every criterion the definition sets holds; returns the title keyword length (≥ 0) or null when it fails. */
export function matches(c: PersonaCriteria, s: PersonaSubject): number | null {
  if (specificity(c) === 0) return null;
  let hit = 0;
  if (c.titleKeywords.length > 0) {
    hit = titleHit(s.title, c.titleKeywords);
    if (hit === 0) return null;
  }
  if (c.seniorities.length > 0 && !oneOf(s.seniority, c.seniorities)) return null;
  if (c.departments.length > 0 && !oneOf(s.department, c.departments)) return null;
  if (c.industries.length > 0 && !oneOf(s.industry, c.industries)) return null;
  if (c.minEmployees !== null && (s.employees === null || s.employees < c.minEmployees)) return null;
  if (c.maxEmployees !== null && (s.employees === null || s.employees > c.maxEmployees)) return null;
  return hit;
}

/**
 * The persona of a contact: among the definitions whose criteria all hold, the one setting the most criteria; a tie
 * goes to the longer title keyword matched ("VP Engineering" over "Engineering"), then to the name (A→Z).
 * Null when none matches.
 */
export function matchPersona<D extends PersonaDefinition>(definitions: readonly D[], subject: PersonaSubject): D | null {
  let best: { d: D; spec: number; hit: number } | null = null;
  for (const d of definitions) {
    const hit = matches(d.criteria, subject);
    if (hit === null) continue;
    const spec = specificity(d.criteria);
    if (!best || spec > best.spec || (spec === best.spec && (hit > best.hit || (hit === best.hit && d.name.localeCompare(best.d.name) < 0)))) best = { d, spec, hit };
  }
  return best?.d ?? null;
}

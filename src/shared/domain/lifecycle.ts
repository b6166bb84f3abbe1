/**
 * The lifecycle state machine (DESIGN §6.1). Every path that moves a contact — API, UI, import,
 * automation — asks this table; anything not listed is refused.
 */
export const MAIN_STAGES = ["subscriber", "lead", "mql", "sal", "sql", "opportunity", "customer"] as const;
export const EXIT_STAGES = ["rejected", "recycled", "disqualified", "lost", "no_decision"] as const;
export const STAGES = [...MAIN_STAGES, ...EXIT_STAGES] as const;
export type Stage = (typeof STAGES)[number];
export type MainStage = (typeof MAIN_STAGES)[number];

/** Stages whose entry needs a reason code. */
export const STAGES_REQUIRING_REASON: ReadonlySet<Stage> = new Set(["rejected", "recycled", "disqualified", "lost", "no_decision"]);

/** Terminal stages: nothing leaves them. */
export const TERMINAL_STAGES: ReadonlySet<Stage> = new Set(["disqualified"]);

// Early stages may skip forward (imports, sales-sourced contacts), but an MQL must be accepted or
// rejected explicitly: that is the handoff the SLA measures.
const TRANSITIONS: Record<Stage, readonly Stage[]> = {
  subscriber: ["lead", "mql", "sal", "sql", "opportunity", "customer", "disqualified"],
  lead: ["mql", "sal", "sql", "opportunity", "customer", "recycled", "disqualified"],
  mql: ["sal", "rejected", "recycled", "disqualified"],
  sal: ["sql", "opportunity", "recycled", "disqualified"],
  sql: ["opportunity", "recycled", "disqualified"],
  opportunity: ["customer", "lost", "no_decision"],
  customer: ["opportunity"],
  rejected: ["mql", "recycled", "disqualified"],
  recycled: ["lead", "mql", "sal", "sql", "opportunity", "disqualified"],
  lost: ["opportunity", "recycled", "disqualified"],
  no_decision: ["opportunity", "recycled", "disqualified"],
  disqualified: [],
};

/** The stages a contact in `from` may move to. */
export function allowedTransitions(from: Stage): readonly Stage[] {
  return TRANSITIONS[from];
}

/** Whether `from → to` is an allowed move. */
export function canTransition(from: Stage, to: Stage): boolean {
  return TRANSITIONS[from].includes(to);
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/** Checks a move against the table and the reason rule; returns why it is refused. */
export function checkTransition(from: Stage, to: Stage, reasonCode?: string | null): TransitionCheck {
  if (from === to) return { ok: false, reason: `the contact is already ${to}` };
  if (!canTransition(from, to)) {
    const allowed = TRANSITIONS[from];
    return {
      ok: false,
      reason: allowed.length
        ? `cannot move from ${from} to ${to}; allowed: ${allowed.join(", ")}`
        : `${from} is terminal; the contact cannot move`,
    };
  }
  if (STAGES_REQUIRING_REASON.has(to) && !reasonCode) {
    return { ok: false, reason: `moving to ${to} requires a reason code` };
  }
  return { ok: true };
}

/** The timestamp column name for a stage, e.g. `mql` → `mqlAt`. */
export function stageTimestampKey(stage: Stage): `${string}At` {
  const camel = stage.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return `${camel}At`;
}

/** Main stages at or before `stage`, for funnel maths: reaching a later stage counts as passing the earlier ones. */
export function stagesPassed(stage: MainStage): MainStage[] {
  return MAIN_STAGES.slice(0, MAIN_STAGES.indexOf(stage) + 1);
}

/** Moving to recycled starts a new cycle: later stage stamps are cleared so they are set afresh. */
export function startsNewCycle(to: Stage): boolean {
  return to === "recycled";
}

/** People: who they are, how they arrived, and how well they fit. */
import { DAY } from "./calendar.js";
import type { ContactKind, DemoAccount, DemoContact, DemoContext } from "./context.js";
import { FIRST_NAMES, FREE_MAIL_DOMAINS, LAST_NAMES } from "./names.js";
import { Rng, weighted } from "./prng.js";
import {
  CONTACT_KINDS, CORE_COUNTRIES, CORE_INDUSTRIES, EBOOK, FIT_GRADE_THRESHOLDS, PERSONAS, PERSONA_MIX, REGIONS, SDR_PROFILE, STUDENT_TITLES, type Persona,
} from "./story.js";

const BUYER_PERSONAS = weighted<Persona>([["VP Engineering", 45], ["CTO", 35], ["Engineering Manager", 10], ["CFO", 10]]);
const EBOOK_PERSONAS = weighted<Persona>([["IT Manager", 55], ["Developer", 35], ["Operations Director", 10]]);
const DANA_PERSONAS = weighted<Persona>([["VP Engineering", 45], ["CTO", 30], ["Engineering Manager", 15], ["CFO", 10]]);

/** Which kind of contact the next one at an ordinary account is. */
export function pickContactKind(rng: Rng): ContactKind {
  const x = rng.next();
  if (x < CONTACT_KINDS.ebook) return "ebook";
  if (x < CONTACT_KINDS.ebook + CONTACT_KINDS.outbound) return "outbound";
  if (x < CONTACT_KINDS.ebook + CONTACT_KINDS.outbound + CONTACT_KINDS.preWindow) return "preWindow";
  return "inbound";
}

function fitOf(account: DemoAccount | null, persona: Persona | null, country: string): { points: number; grade: DemoContact["fitGrade"] } {
  let points = persona ? PERSONAS[persona].fit : 0;
  if (account) {
    points += account.employees >= 2_000 ? 20 : account.employees >= 200 ? 15 : 5;
    points += CORE_INDUSTRIES.has(account.industry) ? 15 : 5;
  } else points -= 40; // free-mail address, no company
  if (CORE_COUNTRIES.has(country)) points += 5;
  const t = FIT_GRADE_THRESHOLDS;
  const grade = points >= t.A ? "A" : points >= t.B ? "B" : points >= t.C ? "C" : "D";
  return { points, grade };
}

function createdAtFor(ctx: DemoContext, rng: Rng, kind: ContactKind, account: DemoAccount | null): number {
  const span = ctx.now - ctx.windowStart;
  switch (kind) {
    case "buyer":
      return (account?.existingSince ?? ctx.windowStart) - Math.floor(rng.between(120, 200) * DAY);
    case "preWindow":
      return ctx.windowStart - Math.floor(rng.between(10, 365) * DAY);
    case "ebook": {
      const c = ctx.campaigns.ebook;
      return c.startsAt + Math.floor(rng.next() * (c.endsAt - c.startsAt));
    }
    default:
      return ctx.windowStart + Math.floor(rng.next() * (span - DAY));
  }
}

/** Creates contact number `index` of an account (or a free-mail stray that arrived through it). */
export function createContact(ctx: DemoContext, rng: Rng, account: DemoAccount, index: number, kind: ContactKind, taken: Set<string>): DemoContact {
  const freeMail = kind === "ebook" && rng.chance(EBOOK.freeMailShare);
  const sdrKind = kind === "outbound" ? (rng.chance(SDR_PROFILE.volume.outboundShare) ? "volume" : "quality") : null;
  const persona: Persona | null = freeMail
    ? null
    : kind === "buyer" ? rng.from(BUYER_PERSONAS)
    : kind === "ebook" ? rng.from(EBOOK_PERSONAS)
    : sdrKind === "quality" ? rng.from(DANA_PERSONAS)
    : rng.from(PERSONA_MIX);
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const home = freeMail ? null : account;
  const region = home ? null : rng.from(REGIONS);
  const country = home ? home.country : rng.pick(region?.countries ?? ["United States"]);
  const territory = home ? home.territory : (region?.territory ?? "east");
  const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, "");
  // Free-mail addresses carry the global index (unique without a lookup); company ones dedupe per account.
  let email = home ? `${local}@${home.domain}` : `${local}${index}@${rng.pick(FREE_MAIL_DOMAINS)}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${home?.domain ?? "example.com"}`;
  taken.add(email);
  const info = persona ? PERSONAS[persona] : null;
  const fit = fitOf(home, persona, country);
  const createdAt = createdAtFor(ctx, rng, kind, account);
  const source = kind === "outbound" ? "outbound" : kind === "preWindow" || kind === "buyer" ? "import" : "inbound";
  const acquisition = kind === "inbound" ? ctx.campaigns.acquisitionTableAt(createdAt, persona ?? "IT Manager") : null;
  const originalCampaign = kind === "ebook" ? ctx.campaigns.ebook : acquisition ? rng.from(acquisition) : null;
  return {
    id: "",
    index,
    account: home,
    kind,
    email,
    firstName,
    lastName,
    title: info ? rng.pick(info.titles) : rng.pick(STUDENT_TITLES),
    seniority: info ? info.seniority : "student",
    department: info ? info.department : null,
    phone: rng.chance(0.55) ? `+1 555 ${rng.int(100, 999)} ${rng.int(1000, 9999)}` : null,
    country,
    territory,
    persona,
    source,
    channel: originalCampaign ? originalCampaign.spec.channel : kind === "outbound" ? "outbound" : null,
    originalCampaign,
    createdAt,
    ownerId: home ? home.ownerId : rng.pick(ctx.staff.ae[territory]),
    sdrId: sdrKind ? ctx.staff.sdr[sdrKind] : null,
    sdrKind,
    fitPoints: fit.points,
    fitGrade: fit.grade,
    consent: kind === "outbound" ? "unknown" : "granted",
    transitions: [],
    meetings: [],
    touches: [],
  };
}

import { z } from "zod";
import { LIMITS } from "../limits.js";
import { IdSchema, TimestampSchema, nameField, optionalText } from "./common.js";
import { JobSchema } from "./jobs.js";

const word = z.string().trim().min(1).max(100);
const words = z.array(word).max(50);
const employees = z.number().int().min(0).max(10_000_000).nullable();

/** Matching criteria (src/shared/domain/personas.ts): each one set must hold; unset ones are ignored. */
export const PersonaCriteriaSchema = z
  .object({
    titleKeywords: words.default([]),
    seniorities: words.default([]),
    departments: words.default([]),
    industries: words.default([]),
    minEmployees: employees.default(null),
    maxEmployees: employees.default(null),
  })
  .refine((c) => c.minEmployees === null || c.maxEmployees === null || c.minEmployees <= c.maxEmployees, { message: "must be at least minEmployees", path: ["maxEmployees"] });
export type PersonaCriteriaInput = z.infer<typeof PersonaCriteriaSchema>;

export const PersonaSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string().nullable(),
  criteria: z.object({
    titleKeywords: z.array(z.string()),
    seniorities: z.array(z.string()),
    departments: z.array(z.string()),
    industries: z.array(z.string()),
    minEmployees: z.number().int().nullable(),
    maxEmployees: z.number().int().nullable(),
  }),
  /** Contacts with this persona now, set by hand and matched. */
  contacts: z.object({ manual: z.number().int(), matched: z.number().int() }),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Persona = z.infer<typeof PersonaSchema>;
export const PersonaListSchema = z.object({
  items: z.array(PersonaSchema),
  /** Contacts whose persona is not one of the definitions (set by hand before, or by a deleted definition). */
  undefinedPersonas: z.array(z.object({ persona: z.string(), contacts: z.number().int() })),
  /** The newest re-apply job, to show its progress. */
  lastApply: JobSchema.nullable(),
});
export type PersonaList = z.infer<typeof PersonaListSchema>;

/** A name is the category contacts, campaigns and reports carry, so it is set once (create a new persona to rename). */
export const CreatePersonaBodySchema = z.object({
  name: nameField(100),
  description: optionalText(LIMITS.reason),
  criteria: PersonaCriteriaSchema,
});
export type CreatePersonaBody = z.infer<typeof CreatePersonaBodySchema>;

export const UpdatePersonaBodySchema = z
  .object({ description: optionalText(LIMITS.reason), criteria: PersonaCriteriaSchema.optional() })
  .refine((v) => v.description !== undefined || v.criteria !== undefined, { message: "give a description or criteria", path: ["criteria"] });
export type UpdatePersonaBody = z.infer<typeof UpdatePersonaBodySchema>;

/** Which definition a contact with these fields would get (the editor's preview). */
export const PersonaPreviewBodySchema = z.object({
  title: optionalText(),
  seniority: optionalText(100),
  department: optionalText(100),
  industry: optionalText(100),
  employees: z.number().int().min(0).nullable().optional(),
});
export type PersonaPreviewBody = z.infer<typeof PersonaPreviewBodySchema>;
export const PersonaPreviewSchema = z.object({ persona: z.object({ id: IdSchema, name: z.string() }).nullable() });

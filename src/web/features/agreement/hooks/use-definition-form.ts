import { useCallback, useMemo, useState } from "react";
import { DefinitionBodySchema, type DefinitionBody } from "../../../../shared/contracts/agreement.js";
import { ApiError } from "../../../lib/api-error";
import { friendlyMessage } from "../../../lib/use-form-state";
import { draftOf, toBody, type DefinitionDraft } from "./definition-draft";

type Source = Parameters<typeof draftOf>[0];

/**
 * The rule editor's state: the draft, errors keyed by the API's field paths (`fitRules.0.points`), whether it
 * differs from the saved version, and `build` that validates with the contract schema.
 */
export function useDefinitionForm(source: Source) {
  const [saved, setSaved] = useState(() => draftOf(source));
  const [draft, setDraft] = useState(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  /** Changes the draft; `path` clears that field's error, no path (rows added, moved or removed) clears them all. */
  const edit = useCallback((recipe: (d: DefinitionDraft) => DefinitionDraft, path?: string) => {
    setDraft(recipe);
    setFormError(null);
    setErrors((prev) => {
      if (path === undefined) return Object.keys(prev).length ? {} : prev;
      const stale = Object.keys(prev).filter((k) => k === path || k.startsWith(`${path}.`));
      if (!stale.length) return prev;
      const next = { ...prev };
      for (const k of stale) delete next[k];
      return next;
    });
  }, []);

  /** Starts over from a (newly saved) definition. */
  const reset = useCallback((next: Source) => {
    const d = draftOf(next);
    setSaved(d);
    setDraft(d);
    setErrors({});
    setFormError(null);
  }, []);

  /** Drops unsaved changes. */
  const discard = useCallback(() => {
    setDraft(saved);
    setErrors({});
    setFormError(null);
  }, [saved]);

  /** The API body, or null after showing every problem at its field. */
  const build = useCallback((): DefinitionBody | null => {
    const result = DefinitionBodySchema.safeParse(toBody(draft));
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const next: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join(".");
      if (!(key in next)) next[key] = friendlyMessage(issue as Parameters<typeof friendlyMessage>[0]);
    }
    setErrors(next);
    return null;
  }, [draft]);

  /** Shows a 400 from the API at the fields its details name; returns false for any other failure. */
  const applyServerError = useCallback((err: unknown): boolean => {
    if (!(err instanceof ApiError) || err.code !== "validation_failed") return false;
    const fields = err.fieldErrors();
    if (Object.keys(fields).length === 0) setFormError(err.message);
    setErrors(fields);
    return true;
  }, []);

  const isDirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(saved), [draft, saved]);
  const error = useCallback((path: string): string | undefined => errors[path], [errors]);

  return { draft, edit, errors, error, formError, isDirty, build, reset, discard, applyServerError };
}

export type DefinitionForm = ReturnType<typeof useDefinitionForm>;

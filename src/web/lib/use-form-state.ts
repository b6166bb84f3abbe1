import { useCallback, useState } from "react";
import { ApiError, errorMessage } from "./api-error";

type Issue = { path: PropertyKey[]; message: string; code?: string; minimum?: unknown; maximum?: unknown; origin?: string; format?: string; input?: unknown };

/** The part of a zod schema the forms use, so web code depends on the shared contracts only. */
export type ParseSchema<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
};

/** Zod's default messages are written for developers; forms show these instead. */
export function friendlyMessage(issue: Issue): string {
  if (issue.code === "too_small" && issue.origin === "string") return issue.minimum === 1 ? "Required" : `At least ${String(issue.minimum)} characters`;
  if (issue.code === "too_big" && issue.origin === "string") return `At most ${String(issue.maximum)} characters`;
  if (issue.code === "too_small" && issue.origin === "number") return `Must be at least ${String(issue.minimum)}`;
  if (issue.code === "too_big" && issue.origin === "number") return `Must be at most ${String(issue.maximum)}`;
  if (issue.code === "too_small" && issue.origin === "array") return "Choose at least one";
  if (issue.code === "invalid_type" && (issue.input === undefined || issue.input === null)) return "Required";
  if (issue.code === "invalid_value") return "Choose one of the options";
  if (issue.code === "invalid_format" && issue.format === "email") return "Enter a valid e-mail address";
  if (issue.code === "invalid_format" && issue.format === "date") return "Enter a valid date";
  return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
}

/** Form values, field errors and a form-level error, validated with a contract schema and filled from server errors. */
export function useFormState<V extends Record<string, unknown>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const setValue = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => {
      if (!(key as string in prev)) return prev;
      const next = { ...prev };
      delete next[key as string];
      return next;
    });
  }, []);

  const reset = useCallback((next: V) => {
    setValues(next);
    setErrors({});
    setFormError(null);
  }, []);

  /** Parses a request body with the contract schema; on failure shows the issues on their fields and returns null. */
  const validate = useCallback(<T,>(schema: ParseSchema<T>, body: unknown): T | null => {
    const result = schema.safeParse(body);
    if (result.success) {
      setErrors({});
      setFormError(null);
      return result.data;
    }
    const next: Record<string, string> = {};
    const loose: string[] = [];
    for (const issue of result.error.issues) {
      // Forms show errors per top-level field (a persona in a list marks the whole list).
      const key = issue.path.length ? String(issue.path[0]) : "";
      if (key && !(key in next)) next[key] = friendlyMessage(issue);
      if (!key) loose.push(friendlyMessage(issue));
    }
    setErrors(next);
    setFormError(loose.length ? loose.join("; ") : null);
    return null;
  }, []);

  /**
   * Shows a server validation failure on the form's fields (unknown fields as a form error). Other failures are
   * left to the app-wide toast unless `showOthers` is set.
   */
  const applyServerError = useCallback((err: unknown, knownFields?: readonly string[], showOthers = false) => {
    // Validation failures and unique-value conflicts both name the offending fields in `details`.
    if (err instanceof ApiError && (err.code === "validation_failed" || err.code === "conflict") && err.details.length) {
      const fields = err.fieldErrors();
      const onFields: Record<string, string> = {};
      const elsewhere: string[] = [];
      for (const [key, message] of Object.entries(fields)) {
        const top = key.split(".")[0] ?? key;
        if (!knownFields || knownFields.includes(top)) onFields[top] = onFields[top] ?? message;
        else elsewhere.push(`${key}: ${message}`);
      }
      setErrors(onFields);
      setFormError(elsewhere.length ? elsewhere.join("; ") : Object.keys(onFields).length ? null : err.message);
      return;
    }
    if (showOthers) setFormError(errorMessage(err));
  }, []);

  return { values, setValue, setValues, errors, setErrors, formError, setFormError, reset, validate, applyServerError };
}

/** Trims a text input to a value for an optional API field: empty → null. */
export function textOrNull(value: string): string | null {
  const t = value.trim();
  return t === "" ? null : t;
}

/** A NumberInput value to an optional number: empty → null. */
export function numberOrNull(value: string | number): number | null {
  if (value === "" || value === null || value === undefined) return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

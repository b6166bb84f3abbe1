import { useCallback } from "react";
import { useSearchParams } from "react-router";

/** List-page state kept in the URL's search params, so links, reloads and the back button restore it. */
export function useUrlState() {
  const [params, setParams] = useSearchParams();

  const get = useCallback((key: string): string | null => params.get(key), [params]);
  const getList = useCallback((key: string): string[] => (params.get(key) ?? "").split(",").filter(Boolean), [params]);

  /** Sets (or, with null/empty, removes) several params at once; replaces history for typing-speed changes. */
  const setMany = useCallback(
    (changes: Record<string, string | string[] | null | undefined>, opts: { replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            const v = Array.isArray(value) ? value.join(",") : value;
            if (v === null || v === undefined || v === "") next.delete(key);
            else next.set(key, v);
          }
          return next;
        },
        { replace: opts.replace ?? false },
      );
    },
    [setParams],
  );

  const set = useCallback(
    (key: string, value: string | string[] | null | undefined, opts?: { replace?: boolean }) => setMany({ [key]: value }, opts),
    [setMany],
  );

  /**
   * Cycles the `sort` param for a column: ascending → descending → the list's default. Computed from the latest
   * URL, not the rendered one, so quick double clicks during a navigation transition still cycle correctly.
   */
  const toggleSort = useCallback(
    (key: string, fallback?: string) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        const current = prev.get("sort") ?? fallback ?? null;
        const sameColumnDefault = fallback === key || fallback === `-${key}`;
        const value = current === key ? `-${key}` : current === `-${key}` ? (sameColumnDefault ? key : null) : key;
        if (value === null || value === fallback) next.delete("sort");
        else next.set("sort", value);
        return next;
      });
    },
    [setParams],
  );

  return { params, get, getList, set, setMany, toggleSort };
}

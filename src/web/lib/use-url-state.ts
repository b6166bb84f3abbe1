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
      // Start from the address bar: react-router's updater gets the last render's params, which lose a change
      // made a moment earlier (a debounced search landing right after a filter click).
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        const v = Array.isArray(value) ? value.join(",") : value;
        if (v === null || v === undefined || v === "") next.delete(key);
        else next.set(key, v);
      }
      setParams(next, { replace: opts.replace ?? false });
    },
    [setParams],
  );

  const set = useCallback(
    (key: string, value: string | string[] | null | undefined, opts?: { replace?: boolean }) => setMany({ [key]: value }, opts),
    [setMany],
  );

  /**
   * Cycles the `sort` param for a column: ascending → descending → the list's default. Reads the address bar, not
   * the rendered params (react-router hands updaters the params of the last render), so a second click during a
   * navigation transition still cycles correctly.
   */
  const toggleSort = useCallback(
    (key: string, fallback?: string) => {
      const latest = new URLSearchParams(window.location.search);
      const current = latest.get("sort") ?? fallback ?? null;
      const sameColumnDefault = fallback === key || fallback === `-${key}`;
      const value = current === key ? `-${key}` : current === `-${key}` ? (sameColumnDefault ? key : null) : key;
      if (value === null || value === fallback) latest.delete("sort");
      else latest.set("sort", value);
      setParams(latest);
    },
    [setParams],
  );

  return { params, get, getList, set, setMany, toggleSort };
}

import { useEffect, useState } from "react";

/** The current time, re-read every `everyMs` (default 30 s) so countdowns re-render between refetches. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}

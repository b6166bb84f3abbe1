import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Me } from "../../shared/contracts/auth.js";
import type { Serialized } from "../../shared/contracts/common.js";
import { abilitiesFor, type Abilities } from "./abilities";
import { formatMoney } from "./format";

export type Session = Serialized<Me>;

const SessionContext = createContext<Session | null>(null);

/** Provides the signed-in user's session (from /auth/me) to the authenticated part of the app. */
export function SessionProvider({ me, children }: { me: Session; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in user's session; only valid under SessionProvider. */
export function useSession(): Session {
  const me = useContext(SessionContext);
  if (!me) throw new Error("useSession outside SessionProvider");
  return me;
}

/** What the signed-in user's role may do, for showing and hiding actions. */
export function useAbilities(): Abilities {
  const me = useSession();
  return useMemo(() => abilitiesFor(me.role), [me.role]);
}

/** Formats money in the workspace currency. */
export function useMoney(): (amount: number | null | undefined, opts?: { compact?: boolean; currency?: string }) => string {
  const me = useSession();
  return useMemo(() => (amount, opts) => formatMoney(amount, opts?.currency ?? me.workspace.currency, opts?.compact ?? false), [me.workspace.currency]);
}

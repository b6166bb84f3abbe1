import { useHotkeys } from "@mantine/hooks";

export type InboxKeyHandlers = {
  move: (by: 1 | -1) => void;
  open: () => void;
  accept: () => void;
  reject: () => void;
  recycle: () => void;
  disqualify: () => void;
  toggle: () => void;
};

const TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset"]);

/** Whether a key press belongs to what the user is typing or to an open dialog or dropdown, not to the list. */
export function isOutsideList(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  if (target.tagName === "INPUT" && !TEXT_INPUTS.has((target as HTMLInputElement).type)) return true;
  return !!target.closest('[role="dialog"],[role="listbox"],[role="menu"]');
}

/** The inbox's keyboard: j/k or arrows move, Enter or o opens, a/r/c/d act, x checks; off while typing or in a modal. */
export function useInboxKeys(handlers: InboxKeyHandlers, enabled: boolean) {
  const guard = (fn: () => void) => (e: KeyboardEvent) => {
    if (!enabled || isOutsideList(e.target)) return;
    e.preventDefault();
    fn();
  };
  // Enter keeps its meaning on a focused button or link; the list takes it everywhere else.
  const onEnter = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLElement && e.target.closest("a,button")) return;
    guard(handlers.open)(e);
  };
  const off = { preventDefault: false };
  useHotkeys(
    [
      ["j", guard(() => handlers.move(1)), off],
      ["ArrowDown", guard(() => handlers.move(1)), off],
      ["k", guard(() => handlers.move(-1)), off],
      ["ArrowUp", guard(() => handlers.move(-1)), off],
      ["Enter", onEnter, off],
      ["o", guard(handlers.open), off],
      ["a", guard(handlers.accept), off],
      ["r", guard(handlers.reject), off],
      ["c", guard(handlers.recycle), off],
      ["d", guard(handlers.disqualify), off],
      ["x", guard(handlers.toggle), off],
    ],
    [],
  );
}

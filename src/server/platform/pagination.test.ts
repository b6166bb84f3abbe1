import { describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors.js";
import { decodeCursor, encodeCursor, likePattern, parseSort, toPage } from "./pagination.js";

describe("pagination helpers", () => {
  it("round-trips a cursor with a date, a number or a null sort value", () => {
    const id = "0190c4a2-0000-7000-8000-000000000001";
    expect(decodeCursor(encodeCursor(new Date("2026-01-02T03:04:05.000Z"), id))).toEqual(["2026-01-02T03:04:05.000Z", id]);
    expect(decodeCursor(encodeCursor(42, id))).toEqual([42, id]);
    expect(decodeCursor(encodeCursor(null, id))).toEqual([null, id]);
  });

  it("rejects a tampered cursor as a 400 naming query.cursor", () => {
    try {
      decodeCursor("not-a-cursor");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).details).toEqual([{ path: "query.cursor", message: "invalid cursor" }]);
    }
  });

  it("returns a next cursor only when one more row than the limit came back", () => {
    const rows = [1, 2, 3].map((n) => ({ id: `id-${n}`, n }));
    expect(toPage(rows, 3, (r) => r.n).nextCursor).toBeNull();
    const page = toPage(rows, 2, (r) => r.n);
    expect(page.items.map((r) => r.n)).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!)).toEqual([2, "id-2"]);
  });

  it("parses sort direction and escapes LIKE wildcards", () => {
    expect(parseSort("-amount", "name")).toEqual({ key: "amount", desc: true });
    expect(parseSort(undefined, "name")).toEqual({ key: "name", desc: false });
    expect(likePattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});

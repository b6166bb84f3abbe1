/** The shape of a route-sweep case and the reasons a case may give for not applying. */
import type { Role } from "../../src/shared/domain/roles.js";
import type { Fixture } from "../fixtures.js";

export type Req = { url: string; body?: unknown; as?: Role; session?: boolean; expect400?: boolean; /** A multipart upload instead of a JSON body. */ multipart?: { name: string; content: string } };
export type Case = {
  happy: (a: Fixture) => Req & { status: number };
  /** A request with bad input: expects 400 naming the field, or the reason none exists. */
  invalid: ((a: Fixture) => Req & { field: string }) | string;
  /** The same route with the other workspace's id: expects 404, or the reason it takes no id. */
  crossTenant: ((a: Fixture, b: Fixture) => Req) | string;
  /** A role that may not act: expects 403, or the reason every member may. */
  denied: ((a: Fixture) => Req & { as: Role }) | string;
};

export const OPEN = "every member may";
export const NO_ID = "takes no id";
export const NO_INPUT = "takes no input";
export const PUBLIC = "public route";

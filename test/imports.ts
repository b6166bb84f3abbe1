/** Helpers of the CSV import tests: upload a file through the route, start it and drain its job, count rows. */
import { expect } from "vitest";
import { json, type Harness, type TestWorkspace } from "./harness.js";
import { multipartFile } from "./multipart.js";

export type Imp = { id: string; status: string; created: number; updated: number; skipped: number; failed: number; cursor: number; totalRows: number; mapping: Record<string, string>; proposedMapping: Record<string, string>; jobId: string; sample: string[][]; error: string | null };

/** Uploads `content` as an import of `entity` with `preset`; expects 201. */
export async function uploadImport(h: Harness, ws: TestWorkspace, entity: string, preset: string, name: string, content: string, as: keyof TestWorkspace["users"] = "admin") {
  const { payload, headers } = multipartFile(name, content);
  const res = await h.app.inject({ method: "POST", url: `/api/v1/imports?entity=${entity}&preset=${preset}`, payload, headers: { ...headers, authorization: `Bearer ${ws.users[as].token}` } });
  expect(res.statusCode, res.body).toBe(201);
  return json<Imp>(res);
}

/** Starts an uploaded import, drains the job queue and returns the import as it ended. */
export async function runImport(h: Harness, ws: TestWorkspace, id: string, body: Record<string, unknown> = {}, as: keyof TestWorkspace["users"] = "admin") {
  const res = await h.as(ws.users[as]).post(`/api/v1/imports/${id}/start`, body);
  expect(res.statusCode, res.body).toBe(202);
  await h.modules.jobs.jobs.drain(ws.workspaceId);
  return json<Imp>(await h.as(ws.users[as]).get(`/api/v1/imports/${id}`));
}

/** Upload and run in one go. */
export async function importFile(h: Harness, ws: TestWorkspace, entity: string, preset: string, name: string, content: string, body: Record<string, unknown> = {}, as: keyof TestWorkspace["users"] = "admin") {
  const imp = await uploadImport(h, ws, entity, preset, name, content, as);
  return { upload: imp, done: await runImport(h, ws, imp.id, body, as) };
}

/** The error report's lines after the header. */
export async function reportLines(h: Harness, ws: TestWorkspace, id: string) {
  const report = await h.as(ws.users.admin).get(`/api/v1/imports/${id}/errors.csv`);
  expect(report.statusCode).toBe(200);
  return report.body.trimEnd().split("\r\n");
}

/** Rows of a workspace table. */
export async function countRows(h: Harness, table: string, ws: TestWorkspace): Promise<number> {
  return (await h.tdb.ownerDb.pool.query(`select count(*)::int as n from ${table} where workspace_id = $1`, [ws.workspaceId])).rows[0].n as number;
}

import { ListUsersQuerySchema } from "../../../shared/contracts/users.js";
import { defineCsvExport } from "../../platform/http/csv-export.js";
import type { UsersService } from "./users.service.js";

/** The members list as CSV, through the list's own page read. */
export function createUsersExports({ users }: { users: Pick<UsersService, "listUsers"> }) {
  return [
    defineCsvExport({
      list: "users",
      path: "/users/export.csv",
      summary: "Every member matching the list's filters, as CSV (streamed)",
      tags: ["users", "exports"],
      query: ListUsersQuerySchema,
      page: users.listUsers,
      columns: [
        { header: "id", value: (u) => u.id },
        { header: "name", value: (u) => u.name },
        { header: "email", value: (u) => u.email },
        { header: "role", value: (u) => u.role },
        { header: "team", value: (u) => u.teamName },
        { header: "title", value: (u) => u.title },
        { header: "active", value: (u) => u.active },
        { header: "member since", value: (u) => u.createdAt },
      ],
    }),
  ];
}

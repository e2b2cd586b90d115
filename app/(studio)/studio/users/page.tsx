import type { Metadata } from "next";
import { formatTokyoDateTime } from "@/lib/dates";
import { PASSWORD_MIN_LENGTH } from "@/lib/password";
import { ROLE_LABELS } from "@/lib/permissions";
import { listStaffMembers } from "@/server/users";
import { studioPageUser } from "../_lib/page-user";
import { CreateStaffForm } from "./_components/create-staff-form";
import { StaffActions } from "./_components/staff-actions";
import "./users.css";
import { readOrRefused, RefusedPage } from "../_lib/read-or-refused";

export const metadata: Metadata = { title: "Staff" };

/** The staff list, or null when the caller's role may not see it (server/ has logged the denial). */
const loadStaff = () => readOrRefused(() => listStaffMembers());

export default async function UsersPage() {
  const me = await studioPageUser();
  const members = await loadStaff();
  if (members === null) {
    return <RefusedPage title="Staff">Only administrators can manage staff accounts.</RefusedPage>;
  }
  return (
    <>
      <h1>Staff</h1>
      <section aria-labelledby="new-staff-heading" className="staff-section">
        <h2 id="new-staff-heading">Add a staff member</h2>
        <CreateStaffForm passwordMinLength={PASSWORD_MIN_LENGTH} />
      </section>
      <section aria-labelledby="staff-list-heading" className="staff-section">
        <h2 id="staff-list-heading">Staff accounts</h2>
        <div className="table-scroll">
          <table className="data-table staff-table">
            <caption className="visually-hidden">Staff accounts: active first, then by name</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} data-email={m.email}>
                  <th scope="row">{m.name}</th>
                  <td>{m.email}</td>
                  <td className="staff-role">{ROLE_LABELS[m.role]}</td>
                  <td>
                    <span className={m.active ? "state state-published" : "state"}>{m.active ? "Active" : "Deactivated"}</span>
                    {!m.hasPassword && <span className="hint"> Single sign-on only</span>}
                  </td>
                  <td>
                    <time dateTime={m.createdAt}>{formatTokyoDateTime(m.createdAt)}</time>
                  </td>
                  <td>
                    <StaffActions member={m} isSelf={m.id === me.id} passwordMinLength={PASSWORD_MIN_LENGTH} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

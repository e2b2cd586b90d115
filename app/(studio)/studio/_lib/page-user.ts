import { redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/server/auth/current-user";

/**
 * For studio pages: an ended session goes back to sign-in instead of an error
 * page. The data layer still checks on every call; this only chooses the page.
 */
export async function studioPageUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

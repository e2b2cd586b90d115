import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { FocusPageHeading } from "@/components/studio/focus-page-heading";
import { StudioNav } from "@/components/studio/studio-nav";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { getCurrentUser } from "@/server/auth/current-user";
import { signOutAction } from "./actions";
import "./studio.css";
import "./editor.css";
import "./diff.css";
import "./translations.css";

/**
 * The layout owns its main landmark, once. Its own id, because pages of the public site or the
 * sign-in page visited earlier stay in the document hidden (React <Activity>) with their own main.
 */
const STUDIO_MAIN_ID = "studio-main";

export const metadata: Metadata = { title: { default: "Studio", template: "%s | Studio" }, robots: { index: false, follow: false } };

/** Navigation for the signed-in desk. Not a security boundary: every read and write checks in server/. */
async function StudioFrame({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  const items = [
    { href: "/studio", label: "Dashboard" },
    { href: "/studio/articles", label: "News items" },
    { href: "/studio/media", label: "Media" },
    { href: "/studio/lists", label: "Lists" },
    ...(can(user, "subscribers:view") ? [{ href: "/studio/subscribers", label: "Subscribers" }] : []),
    ...(can(user, "users:manage") ? [{ href: "/studio/users", label: "Staff" }] : []),
    ...(can(user, "audit:view") ? [{ href: "/studio/audit", label: "Audit log" }] : []),
  ];
  return (
    <>
      <header className="studio-bar">
        <div className="wrap">
          <p className="site-name">
            <Link href="/studio">Kōhō studio</Link>
          </p>
          <StudioNav items={items} />
          <div className="studio-user">
            <span>
              {user.name} ({ROLE_LABELS[user.role]})
            </span>
            <form action={signOutAction}>
              <button type="submit" className="button small">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id={STUDIO_MAIN_ID} tabIndex={-1} className="wrap">
        {children}
      </main>
    </>
  );
}

export default function StudioLayout({ children }: { children: ReactNode }) {
  return (
    <div className="studio">
      {/* Outside the session boundary: it reads no session, and must hear the first navigation into the studio. */}
      <FocusPageHeading />
      <a className="skip-link" href={`#${STUDIO_MAIN_ID}`}>
        Skip to main content
      </a>
      <Suspense
        fallback={
          <main id={STUDIO_MAIN_ID} className="wrap">
            <p role="status">Loading the studio…</p>
          </main>
        }
      >
        <StudioFrame>{children}</StudioFrame>
      </Suspense>
    </div>
  );
}

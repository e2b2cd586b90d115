import Link from "next/link";
import { ArticleLinkList } from "@/components/studio/article-link-list";
import { ListHealthPanel } from "@/components/studio/list-health-panel";
import { can } from "@/lib/permissions";
import { getDashboard } from "@/server/articles/studio-queries";
import { createArticleAction } from "./articles/actions";
import { studioPageUser } from "./_lib/page-user";

export default async function DashboardPage() {
  await studioPageUser();
  const board = await getDashboard();
  return (
    <>
      <div className="toolbar-row">
        <h1>Dashboard</h1>
        {can(board.user, "article:create") && (
          <form action={createArticleAction}>
            <button type="submit" className="button primary">
              New news item
            </button>
          </form>
        )}
      </div>
      {board.failedSchedules.length > 0 && (
        <section className="failed form-error" aria-labelledby="failed-heading" role="alert">
          <h2 id="failed-heading">Scheduled items that did not go live</h2>
          <ArticleLinkList rows={board.failedSchedules} empty="" showSchedule />
        </section>
      )}
      <ListHealthPanel />
      <div className="dashboard">
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">My drafts</h2>
          <ArticleLinkList rows={board.myDrafts} empty="You have no drafts." />
        </section>
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">Waiting for review</h2>
          <ArticleLinkList rows={board.waitingForReview} empty="Nothing is waiting for review." />
        </section>
        <section aria-labelledby="scheduled-heading">
          <h2 id="scheduled-heading">Scheduled</h2>
          <ArticleLinkList rows={board.scheduled} empty="Nothing is scheduled." showSchedule />
        </section>
        <section aria-labelledby="out-of-date-heading">
          <h2 id="out-of-date-heading">Translations out of date</h2>
          <ArticleLinkList rows={board.outOfDateTranslations} empty="Every translation is up to date with its source." showLanguage />
          {board.outOfDateTranslations.length > 0 && (
            <p>
              <Link href="/studio/articles?outOfDate=1">All out-of-date translations</Link>
            </p>
          )}
        </section>
        <section aria-labelledby="published-heading">
          <h2 id="published-heading">Recently published</h2>
          <ArticleLinkList rows={board.recentlyPublished} empty="Nothing has been published yet." />
        </section>
      </div>
    </>
  );
}

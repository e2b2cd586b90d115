import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ArticleView } from "@/components/site/article-view";
import { ArticlePreviewBanner } from "@/components/studio/article-preview-banner";
import { formatTokyoDateTime } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { STATE_LABELS } from "@/lib/workflow";
import { getArticlePreview } from "@/server/workflow/preview";
import { studioPageUser } from "../../../_lib/page-user";
import { PreviewLinksPanel } from "./_components/preview-links-panel";
import "@/app/preview/preview.css";
import "./preview.css";

export const metadata: Metadata = { title: "Preview a news item" };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const PUBLIC_STATUS: Record<"draft" | "published" | "withdrawn", string> = {
  draft: "Readers cannot see this item: it has never been published.",
  published: "Readers see the published edition until this one is published.",
  withdrawn: "The item is withdrawn: readers see its withdrawal notice.",
};

/** The newest edition exactly as the public page renders it. Per request (it reads the session), never cached. */
export default async function ArticlePreviewPage({ params }: PageProps<"/studio/articles/[id]/preview">) {
  const user = await studioPageUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const preview = await getArticlePreview({ articleId: id.data }).catch((error) => {
    if (error instanceof AppError && error.type === "not_found") notFound();
    throw error;
  });
  const { article, edition, status } = preview;
  const isLive = status === "published" && edition.state === "published";
  return (
    <>
      <ul className="preview-nav">
        <li>
          <Link href={`/studio/articles/${article.id}`}>Back to the editor</Link>
        </li>
        <li>
          <Link href={`/studio/articles/${article.id}/history`}>History</Link>
        </li>
        {status !== "draft" && (
          <li>
            <Link href={`/news/${article.slug}`}>Public page</Link>
          </li>
        )}
      </ul>
      <ArticlePreviewBanner>
        <p>
          Edition {edition.number} ({STATE_LABELS[edition.state]}), last saved {formatTokyoDateTime(edition.updatedAt)}.{" "}
          {isLive ? "This edition is the one readers see now." : PUBLIC_STATUS[status]}
        </p>
      </ArticlePreviewBanner>
      <div className="preview-frame">
        <ArticleView article={article} />
      </div>
      {can(user, "article:preview-link") && <PreviewLinksPanel articleId={article.id} />}
    </>
  );
}

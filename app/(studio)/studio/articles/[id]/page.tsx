import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ArticleEditor } from "@/components/editor/article-editor";
import { StateBadge } from "@/components/studio/state-badge";
import { AppError } from "@/lib/errors";
import { getArticleForEditing, listStudioFilterOptions } from "@/server/articles/studio-queries";
import { saveArticleAction } from "../actions";
import { studioPageUser } from "../../_lib/page-user";

export const metadata: Metadata = { title: "Edit news item" };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export default async function EditArticlePage({ params }: PageProps<"/studio/articles/[id]">) {
  await studioPageUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const article = await getArticleForEditing({ id: id.data }).catch((error) => {
    if (error instanceof AppError && error.type === "not_found") notFound();
    throw error;
  });
  const { categories } = await listStudioFilterOptions();
  return (
    <>
      <div className="toolbar-row">
        <h1>Edit news item</h1>
        <StateBadge state={article.edition.state} />
      </div>
      <ArticleEditor article={article} categories={categories} save={saveArticleAction} />
    </>
  );
}

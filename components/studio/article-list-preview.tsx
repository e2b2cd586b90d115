import Link from "next/link";
import { editorId } from "@/components/editor/editor-ids";
import { getListForArticle } from "@/server/lists/article-list";

const WHERE = { article: "its own list", category: "its category’s list", default: "the site default list" } as const;

/** For the article editor: the "Recommended for You" list that will show under this item, picked and filled items marked. */
export async function ArticleListPreview({ articleId }: { articleId: number }) {
  const { list, items } = await getListForArticle({ articleId });
  return (
    <section className="article-list-preview" aria-labelledby={editorId(articleId, "list-preview-heading")}>
      <h2 id={editorId(articleId, "list-preview-heading")}>Recommended for You under this item</h2>
      {!list ? (
        <p>No published list applies to this item.</p>
      ) : (
        <>
          <p>
            Shows {WHERE[list.placement]}: <Link href={`/studio/lists/${list.id}`}>{list.name}</Link>
          </p>
          <ol>
            {items.map((item) => (
              <li key={item.href}>
                {item.title} <span className="hint">({item.datelineDate})</span>{" "}
                <span className="source-mark">{item.source === "picked" ? "Picked" : "Filled from category"}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {list?.placement !== "article" && <Link href={`/studio/lists/new?articleId=${articleId}`}>Make a list for this item</Link>}
    </section>
  );
}

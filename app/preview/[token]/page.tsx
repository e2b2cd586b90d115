import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { ArticleView } from "@/components/site/article-view";
import { SiteShell } from "@/components/site/site-shell";
import { ArticlePreviewBanner } from "@/components/studio/article-preview-banner";
import { resolvePreviewToken } from "@/server/workflow/preview-links";
import "../preview.css";

export const metadata: Metadata = {
  title: "Preview",
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  // The token is in the address: links out of the preview must not carry it to other sites.
  referrer: "no-referrer",
};

/**
 * A preview link for someone without an account. The token is the only
 * credential and is checked on every request: the page reads it inside
 * <Suspense> after connection(), so nothing of it is prerendered or cached
 * (the response is `private, no-store`) and a revoked link fails at once.
 */
export default function PreviewLinkPage({ params }: PageProps<"/preview/[token]">) {
  return (
    <SiteShell>
      <Suspense fallback={<p role="status">Loading the preview…</p>}>
        <PreviewByToken params={params} />
      </Suspense>
    </SiteShell>
  );
}

async function PreviewByToken({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const preview = await resolvePreviewToken({ token: (await params).token });
  if (!preview) return <InvalidPreviewLink />;
  return (
    <>
      <ArticlePreviewBanner>
        <p>This is a preview of a news item that may still change. Please do not share or publish this link.</p>
      </ArticlePreviewBanner>
      <ArticleView article={preview.article} />
    </>
  );
}

/** Expired, revoked, mistyped or unknown all look the same, so a link reveals nothing about others. */
function InvalidPreviewLink() {
  return (
    <div className="preview-invalid">
      <h1>Preview link not valid</h1>
      <p>This preview link is not valid (it may have expired or been revoked).</p>
      <p>If you still need to see the item, ask the person who sent you the link for a new one.</p>
      <p>
        <Link href="/">Read the latest published news</Link>
      </p>
    </div>
  );
}

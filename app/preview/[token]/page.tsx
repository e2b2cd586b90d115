import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { ArticleView } from "@/components/site/article-view";
import { SiteShell } from "@/components/site/site-shell";
import { ArticlePreviewBanner } from "@/components/studio/article-preview-banner";
import { formatTokyoDateTime } from "@/lib/dates";
import { resolvePreviewLink, type PreviewLinkResult } from "@/server/workflow/preview-links";
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
 * (the response is `private, no-store`) and a revoked link fails at once. The response's
 * status (410 revoked or expired, 404 unknown) is set by proxy.ts before this page streams.
 */
export default function PreviewLinkPage({ params }: PageProps<"/preview/[token]">) {
  return (
    <SiteShell mainId="preview-main">
      <Suspense fallback={<p role="status">Loading the preview…</p>}>
        <PreviewByToken params={params} />
      </Suspense>
    </SiteShell>
  );
}

async function PreviewByToken({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const result = await resolvePreviewLink({ token: (await params).token });
  if (result.state !== "valid") return <InvalidPreviewLink result={result} />;
  const { preview } = result;
  return (
    <>
      <ArticlePreviewBanner>
        <p>This is a preview of a news item that may still change. Please do not share or publish this link.</p>
      </ArticlePreviewBanner>
      <ArticleView article={preview.article} />
    </>
  );
}

/**
 * Why the link does not work, and what to do. A revoked or expired link says when, which only
 * the holder of the token can learn; nothing names the item, so a forwarded link leaks nothing.
 */
function InvalidPreviewLink({ result }: { result: Exclude<PreviewLinkResult, { state: "valid" }> }) {
  return (
    <div className="preview-invalid">
      <h1>Preview link not valid</h1>
      <p>This preview link is not valid (it may have expired or been revoked).</p>
      <p>
        <strong>{reasonOf(result)}</strong>
      </p>
      <p>If you still need to see the item, ask the press office (or the person who sent you the link) for a new one.</p>
      <p>
        <Link href="/">Read the latest published news</Link>
      </p>
    </div>
  );
}

function reasonOf(result: Exclude<PreviewLinkResult, { state: "valid" }>): string {
  switch (result.state) {
    case "revoked":
      return `This preview link was revoked on ${formatTokyoDateTime(result.at)}.`;
    case "expired":
      return `This preview link expired on ${formatTokyoDateTime(result.at)}.`;
    case "unknown":
      return "This address is not a preview link we know: check that it was copied whole.";
  }
}

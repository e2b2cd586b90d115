import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatTokyoDateTime } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { getMediaById, getMediaDescriptionRights, getMediaUsage } from "@/server/media/library";
import { parseMediaId } from "@/server/media/media-id";
import { studioPageUser } from "../../_lib/page-user";
import { DeleteMediaForm } from "../_components/delete-media-form";
import { DescribeMediaForm } from "../_components/describe-media-form";
import "../media.css";

export const metadata: Metadata = { title: "Describe image" };

async function load(id: number) {
  try {
    return await Promise.all([getMediaById({ id }), getMediaUsage({ id }), getMediaDescriptionRights({ id })]);
  } catch (error) {
    if (error instanceof AppError && error.type === "not_found") notFound();
    throw error;
  }
}

export default async function MediaDetailPage({ params }: PageProps<"/studio/media/[id]">) {
  await studioPageUser();
  // Brackets are user input: "abc", "0x1" or "1e0" is no image (404), never NaN or image 1.
  const id = parseMediaId((await params).id);
  if (id === null) notFound();
  const [media, usage, rights] = await load(id);
  return (
    <>
      <p>
        <Link href="/studio/media">← Media library</Link>
      </p>
      <h1>Describe “{media.originalName}”</h1>
      <div className="media-detail">
        <div>
          {/* eslint-disable-next-line @next/next/no-img-element -- our own variant, already sized */}
          <img src={media.src} alt={media.alt} width={media.width} height={media.height} />
          <p className="hint">
            Original {media.originalWidth} × {media.originalHeight}, {Math.round(media.byteSize / 1024)} KB, uploaded{" "}
            <time dateTime={media.createdAt}>{formatTokyoDateTime(media.createdAt)}</time>. Sizes:{" "}
            {media.variants.map((v) => `${v.width} px ${v.format.toUpperCase()} ${Math.round(v.bytes / 1024)} KB`).join(", ")}.
          </p>
        </div>
        <DescribeMediaForm media={media} rights={rights} />
      </div>
      <section aria-labelledby="usage-heading" className="media-section">
        <h2 id="usage-heading">Where this image is used</h2>
        {usage.length === 0 ? (
          <p>Not used in any news item.</p>
        ) : (
          <ul>
            {usage.map((u) => (
              <li key={`${u.articleId}-${u.editionNumber}-${u.as}`}>
                <Link href={`/studio/articles/${u.articleId}`}>{u.title}</Link> — {u.as === "hero" ? "hero image" : "in the text"}, edition{" "}
                {u.editionNumber} ({u.state.toLowerCase()})
              </li>
            ))}
          </ul>
        )}
        <DeleteMediaForm id={media.id} name={media.originalName} />
      </section>
    </>
  );
}

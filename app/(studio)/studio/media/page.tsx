import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { formatTokyoDateTime, isIsoDate } from "@/lib/dates";
import { env } from "@/lib/env";
import { listMedia } from "@/server/media/library";
import { studioPageUser } from "../_lib/page-user";
import { MediaUploader } from "./_components/media-uploader";
import "./media.css";

export const metadata: Metadata = { title: "Media" };

const isoDate = z.string().refine(isIsoDate).optional().catch(undefined);
const filtersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  from: isoDate,
  to: isoDate,
  deleted: z.string().optional().catch(undefined),
});

export default async function MediaPage({ searchParams }: PageProps<"/studio/media">) {
  await studioPageUser();
  const raw = await searchParams;
  const filters = filtersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const media = await listMedia({ q: filters.q || undefined, from: filters.from, to: filters.to });
  return (
    <>
      <h1>Media</h1>
      {filters.deleted && (
        <p className="notice" role="status">
          The image was deleted.
        </p>
      )}
      <section aria-labelledby="upload-heading" className="media-section">
        <h2 id="upload-heading">Upload images</h2>
        <MediaUploader maxBytes={env().MEDIA_MAX_BYTES} />
      </section>
      <section aria-labelledby="library-heading" className="media-section">
        <h2 id="library-heading">Library</h2>
        <form className="filters" method="get" role="search" aria-label="Search the media library">
          <div className="field">
            <label htmlFor="media-q">Search alt text and captions</label>
            <input id="media-q" name="q" type="search" defaultValue={filters.q ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="media-from">Uploaded from</label>
            <input id="media-from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="media-to">Uploaded until</label>
            <input id="media-to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </div>
          <button type="submit" className="button">
            Search
          </button>
        </form>
        {media.length === 0 ? (
          <p>No images match.</p>
        ) : (
          <ul className="media-grid" aria-label="Images">
            {media.map((m) => (
              <li key={m.id} className="media-card" data-media-id={m.id}>
                {/* eslint-disable-next-line @next/next/no-img-element -- our own variant, already sized */}
                <img
                  src={m.variants.find((v) => v.url.endsWith("/480.webp"))?.url ?? m.src}
                  alt={m.alt}
                  width={m.width}
                  height={m.height}
                  loading="lazy"
                />
                <p className="media-name">{m.altText || (m.decorative ? "Decorative image" : m.originalName)}</p>
                {!m.usable && <p className="media-warning">Needs alt text before use</p>}
                {m.caption && <p className="hint">{m.caption}</p>}
                <p className="hint">
                  {m.originalWidth} × {m.originalHeight} · <time dateTime={m.createdAt}>{formatTokyoDateTime(m.createdAt)}</time>
                </p>
                <Link href={`/studio/media/${m.id}`} className="button small">
                  Describe “{m.originalName}”
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

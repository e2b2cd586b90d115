import type { PublicImage } from "@/server/media/dto";

/**
 * A library image for readers: AVIF, then WebP, by width; the width and
 * height attributes reserve its space so nothing shifts as it loads. A
 * decorative image has empty alt text; caption and credit go in <figcaption>.
 */
export function ResponsiveImage({
  image,
  sizes = "(min-width: 50rem) 48rem, 100vw",
  priority = false,
  className,
}: {
  image: PublicImage;
  sizes?: string;
  /** The hero above the fold: load it at once instead of lazily. */
  priority?: boolean;
  className?: string;
}) {
  const picture = (
    <picture>
      <source type="image/avif" srcSet={image.avifSrcset} sizes={sizes} />
      <source type="image/webp" srcSet={image.webpSrcset} sizes={sizes} />
      {/* Variants are made at upload; next/image would resize them again. */}
      <img
        src={image.src}
        alt={image.decorative ? "" : image.alt}
        width={image.width}
        height={image.height}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : undefined}
        decoding="async"
        style={{ maxWidth: "100%", height: "auto" }}
      />
    </picture>
  );
  if (!image.caption && !image.credit) return <figure className={className}>{picture}</figure>;
  return (
    <figure className={className}>
      {picture}
      <figcaption>
        {image.caption}
        {image.caption && image.credit && " "}
        {image.credit && <span className="image-credit">{image.credit}</span>}
      </figcaption>
    </figure>
  );
}

"use client";

import { useState, useTransition } from "react";
import type { FormState } from "@/lib/errors";
import { MediaPicker } from "./media-picker";

export type HeroImageValue = { mediaId: number; src: string; alt: string; width: number; height: number };

/** The server action that sets (or, with null, clears) the hero; passed in by the page, since components/ never import app/. */
export type SaveHeroImage = (articleId: number, mediaId: number | null) => Promise<FormState<HeroImageValue | null>>;

/**
 * The item's lead photo (article page, feeds, OpenGraph, JSON-LD). Saved at
 * once, apart from the text's autosave; only described or decorative images are offered.
 */
export function HeroImageField({
  articleId,
  initial,
  disabled = false,
  saveHero,
}: {
  articleId: number;
  initial: HeroImageValue | null;
  disabled?: boolean;
  saveHero: SaveHeroImage;
}) {
  const [hero, setHero] = useState(initial);
  const [picking, setPicking] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save(mediaId: number | null) {
    startTransition(async () => {
      const result = await saveHero(articleId, mediaId);
      if (!result.ok) return setError(result.message);
      setError(null);
      setHero(result.data);
      setPicking(false);
      setMessage(result.data ? "Hero image set." : "Hero image removed.");
    });
  }

  return (
    <fieldset className="hero-image-field" disabled={disabled || pending}>
      <legend>Hero image</legend>
      {hero ? (
        // eslint-disable-next-line @next/next/no-img-element -- our own variant, already sized
        <img
          src={hero.src}
          alt={hero.alt}
          width={hero.width}
          height={hero.height}
          style={{ maxWidth: "100%", height: "auto", display: "block" }}
        />
      ) : (
        <p className="hint">No hero image. Feeds and link previews will show none.</p>
      )}
      {picking ? (
        <MediaPicker allowDecorative onCancel={() => setPicking(false)} onPick={(image) => save(image.mediaId)} />
      ) : (
        <div className="row-actions">
          <button type="button" className="button small" onClick={() => setPicking(true)}>
            {hero ? "Change hero image" : "Choose hero image"}
          </button>
          {hero && (
            <button type="button" className="button small" onClick={() => save(null)}>
              Remove hero image
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="hint">
        {message}
      </p>
    </fieldset>
  );
}

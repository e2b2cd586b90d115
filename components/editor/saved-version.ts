"use client";

import { useEffect, useState } from "react";

/**
 * The editor's own saves move the item's version without reloading the page.
 * The workflow panel names the version on screen when it releases words, so
 * it follows the editor's saves in this tab (what this person just wrote is
 * what they saw); anyone else's save still makes the server refuse the step.
 */
const EVENT = "koho:article-saved";

export function announceSavedVersion(articleId: number, version: number): void {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: { articleId, version } }));
}

export function useSavedVersion(articleId: number, loaded: number): number {
  const [saved, setSaved] = useState<{ loaded: number; version: number }>({ loaded, version: loaded });
  useEffect(() => {
    const follow = (event: Event) => {
      const detail = (event as CustomEvent<{ articleId: number; version: number }>).detail;
      if (detail.articleId === articleId) setSaved({ loaded, version: detail.version });
    };
    window.addEventListener(EVENT, follow);
    return () => window.removeEventListener(EVENT, follow);
  }, [articleId, loaded]);
  // A fresh page load (after a workflow step) wins over a save announced before it.
  return saved.loaded === loaded ? Math.max(saved.version, loaded) : loaded;
}

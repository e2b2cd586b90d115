"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/**
 * A client-side navigation keeps the old document, so the browser does not
 * move keyboard focus the way a page load does: the clicked button or link
 * vanishes and focus falls to <body>, where a screen reader says nothing and
 * the next Tab starts again from the top. This puts focus on the new page's
 * main heading (its name is read out) after a route change, and again when a
 * re-render removes the focused element in place (a workflow step that is no
 * longer offered once taken). The first load is left to the browser.
 */

const HEADING = "main h1";
const WAIT_MS = 10_000;

// Module state lives as long as the document: the second mount (say, the studio after sign-in) is a navigation.
let documentMounted = false;

function isFirstLoad(): boolean {
  if (documentMounted) return false;
  documentMounted = true;
  const [entry] = performance.getEntriesByType("navigation");
  return !entry || entry.name === window.location.href;
}

function focusHeading(heading: HTMLElement) {
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: false });
}

/** True when nothing the person chose has focus: the page itself, or an element that is gone. */
function focusIsLost(before: Element | null): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === before || !active.isConnected;
}

export function FocusPageHeading() {
  const pathname = usePathname();

  useEffect(() => {
    if (isFirstLoad()) return;
    const before = document.activeElement;
    const tryFocus = () => {
      // A streaming page may show its loading placeholder first: wait for the real heading.
      const heading = document.querySelector<HTMLElement>(HEADING);
      if (!heading) return false;
      if (focusIsLost(before)) focusHeading(heading);
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) stop();
    });
    const timer = setTimeout(() => stop(), WAIT_MS);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe(document.body, { childList: true, subtree: true });
    return stop;
  }, [pathname]);

  useEffect(() => {
    let last: Element | null = null;
    const remember = (event: FocusEvent) => {
      last = event.target instanceof Element ? event.target : null;
    };
    const rescue = () => {
      if (!last || last.isConnected || document.activeElement !== document.body) return;
      last = null;
      const heading = document.querySelector<HTMLElement>(HEADING);
      if (heading) focusHeading(heading);
    };
    const observer = new MutationObserver(rescue);
    document.addEventListener("focusin", remember);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener("focusin", remember);
      observer.disconnect();
    };
  }, []);

  return null;
}

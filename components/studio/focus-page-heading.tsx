"use client";

import { usePathname } from "next/navigation";
import { Suspense, useEffect } from "react";

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

// The last path any instance saw, for as long as the document lives: the studio's first render after
// sign-in is a navigation (another path than the sign-in page's), a first load or a re-run is not.
let lastPath: string | null = null;

function isNavigation(pathname: string): boolean {
  const navigated = lastPath !== null && lastPath !== pathname;
  lastPath = pathname;
  return navigated;
}

/** Rendered and not hidden: a page React keeps (display: none) behind a new one cannot take focus. */
function isShown(el: Element): boolean {
  return el.isConnected && el.getClientRects().length > 0;
}

/** Focuses the page's shown main heading; false while there is none yet (a loading placeholder). */
function focusHeading(): boolean {
  const heading = [...document.querySelectorAll<HTMLElement>(HEADING)].find(isShown);
  if (!heading) return false;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus();
  return document.activeElement === heading;
}

/** True when nothing the person chose has focus: the page itself, or an element that is gone or hidden. */
function focusIsLost(before: Element | null): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === before || !isShown(active);
}

/** In its own boundary: the path is request data, which must not hold up the prerendered shell. */
export function FocusPageHeading() {
  return (
    <Suspense fallback={null}>
      <FocusOnRouteChange />
    </Suspense>
  );
}

function FocusOnRouteChange() {
  const pathname = usePathname();

  useEffect(() => {
    if (!isNavigation(pathname)) return;
    const before = document.activeElement;
    // Done once the heading has focus, or once the person put focus somewhere themselves.
    const settle = () => !focusIsLost(before) || focusHeading();
    if (settle()) return;
    const observer = new MutationObserver(() => {
      if (settle()) stop();
    });
    const timer = setTimeout(() => stop(), WAIT_MS);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    // Attributes too: React shows a page it kept hidden by changing its style.
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["style", "hidden"] });
    return stop;
  }, [pathname]);

  useEffect(() => {
    let last: Element | null = null;
    const remember = (event: FocusEvent) => {
      last = event.target instanceof Element ? event.target : null;
    };
    // A click on the page's background puts focus on <body> on purpose: forget the old element, so
    // its later removal does not pull focus to the heading. A click on a control focuses it again.
    const forget = () => {
      last = null;
    };
    const rescue = () => {
      if (!last || isShown(last) || document.activeElement !== document.body) return;
      if (focusHeading()) last = null;
    };
    const observer = new MutationObserver(rescue);
    document.addEventListener("focusin", remember);
    document.addEventListener("pointerdown", forget, true);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["style", "hidden"] });
    return () => {
      document.removeEventListener("focusin", remember);
      document.removeEventListener("pointerdown", forget, true);
      observer.disconnect();
    };
  }, []);

  return null;
}

/**
 * The per-request nonce Content-Security-Policy that proxy.ts gives every HTML page,
 * public or staff (README "Security headers").
 *
 * Why 'self' and no 'strict-dynamic': Next's `<script src>` tags for /_next/static are
 * allowed by 'self'; 'strict-dynamic' would make browsers ignore 'self' and need the nonce
 * on every one of them. Inline scripts need this response's nonce, so injected markup cannot
 * run script; React's one fixed inline script (in a prerendered shell) is allowed by its
 * hash. An injected `<script src>` could only load a file from this origin that is served as
 * JavaScript (uploads are images, and nosniff stops them running as script).
 */

/** sha256 of React's `requestAnimationFrame(function(){$RT=performance.now()});`, the inline script in every prerendered shell. */
export const REACT_SHELL_SCRIPT_HASH = "'sha256-7mu4H06fwDCjmnxxr/xNHyuQC6pLTHr4M2E4jXw5WZs='";

/**
 * The one directive list behind both policies: the nonce policy for HTML pages (below) and the
 * static policy next.config.ts sends with everything else. Only script-src, img-src and
 * form-action differ between them.
 */
export function contentSecurityPolicy({
  scriptSrc,
  imgSrc,
  formTargets = [],
}: {
  scriptSrc: string;
  imgSrc: string;
  formTargets?: string[];
}): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    // The editor and its toolbar position things with style attributes.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${imgSrc}`,
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ["form-action 'self'", ...formTargets].join(" "),
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join("; ");
}

/** Non-pages (feeds, sitemaps, API answers, Next's assets): no inline script at all, so an HTML 404 there reads but never runs script. */
export const STATIC_CONTENT_SECURITY_POLICY = contentSecurityPolicy({ scriptSrc: "'self'", imgSrc: "'self' data: https:" });

export function nonceContentSecurityPolicy(nonce: string, formTargets: string[] = []): string {
  const isDev = process.env.NODE_ENV !== "production";
  return contentSecurityPolicy({
    scriptSrc: `'self' 'nonce-${nonce}' ${REACT_SHELL_SCRIPT_HASH}${isDev ? " 'unsafe-eval'" : ""}`,
    imgSrc: "'self' data: blob: https:",
    formTargets,
  });
}

/** A fresh nonce: 128 bits of randomness, base64 so it is a valid CSP nonce token. */
export function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}

/**
 * Paths that are not HTML pages and keep next.config.ts's static policy: Next's assets, uploads
 * (their own sandbox policy), API routes, and feeds, sitemaps, robots.txt and icons (by their
 * extension). proxy.ts's matcher lists the same exclusions as a regular expression, and
 * next.config.ts's static entry its complement; tests/e2e/security-csp-public.e2e.ts checks both.
 */
export function isHtmlPagePath(path: string): boolean {
  if (/^\/(?:_next|media|api|sitemaps)\//.test(path)) return false;
  return !/\.(?:xml|json|txt|ico)$/.test(path);
}

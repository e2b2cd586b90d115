/**
 * The cross-site request check server actions and the upload route share.
 * Next's own check turns `Origin: null` or an unparsable Origin into a 500;
 * this one answers first, with a reason a person can act on.
 *
 * Like Next, a request with neither Origin nor Sec-Fetch-Site is let through:
 * only non-browser clients send that, and they cannot carry a reader's cookies.
 */
export function crossOriginProblem(headers: Headers): string | null {
  const site = headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") {
    return "This request came from another site, so it was refused. Use the form on this site instead.";
  }
  const origin = headers.get("origin");
  if (origin === null) return null;
  if (origin === "null") {
    return "This request has no usable origin (a sandboxed frame, a file or a privacy redirect sent it), so it was refused. Open the page on this site and try again.";
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "This request's Origin header is not an address, so it was refused.";
  }
  // Behind nginx the public host arrives as x-forwarded-host; Next compares against the same value.
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host || originHost !== host) {
    return `This request came from ${originHost}, not from this site, so it was refused.`;
  }
  return null;
}

/** Why a body cannot be accepted before reading it: no length announced, or more than `limit` bytes. */
export function bodyLengthProblem(headers: Headers, limit: number): { status: 411 | 413; message: string } | null {
  const length = headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) {
    // Browsers always send a length for an action's body; a chunked body could only be
    // measured by reading it all, which is what the limit is there to avoid.
    return { status: 411, message: "Send the request with a Content-Length header; bodies of unknown length are not accepted here." };
  }
  if (Number(length) > limit) {
    return {
      status: 413,
      message: `The request is ${formatBytes(Number(length))}, more than the ${formatBytes(limit)} this form accepts. Shorten the text (images are uploaded separately) and try again.`,
    };
  }
  return null;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} kB`;
}

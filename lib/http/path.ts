/**
 * True when the path has a "%" that does not start a valid UTF-8 escape
 * (/news/%, /news/%zz, /news/%E0%A4). Next throws while decoding such a path
 * for a dynamic route and, with no pages-router error page to render, answers
 * a bare 500; the proxy answers 400 instead.
 */
export function hasMalformedPercentEncoding(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

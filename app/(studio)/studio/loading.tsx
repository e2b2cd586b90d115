/** Shown while a studio page reads its data (every studio page is per-request: it checks the session). */
export default function StudioLoading() {
  return (
    <p role="status" aria-live="polite">
      Loading…
    </p>
  );
}

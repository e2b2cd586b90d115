import { formatTokyoDateTime } from "@/lib/dates";
import { KNOWN_LANGUAGES } from "@/lib/languages";
import type { SubscriberProfile } from "@/server/subscriptions/subscriber-records";

const when = (iso: string | null, none: string) => (iso ? <time dateTime={iso}>{formatTokyoDateTime(iso)}</time> : none);

/** Every field held about one subscriber, in words. */
export function SubscriberProfileList({ profile }: { profile: SubscriberProfile }) {
  const language = KNOWN_LANGUAGES.find((l) => l.code === profile.language)?.englishName ?? profile.language;
  return (
    <dl className="subscriber-profile">
      <dt>Address</dt>
      <dd>{profile.email}</dd>
      <dt>Status</dt>
      <dd>{profile.status === "confirmed" ? "Confirmed" : "Waiting for confirmation"}</dd>
      <dt>Language</dt>
      <dd>{language}</dd>
      <dt>Follows</dt>
      <dd>{profile.allCategories ? "All news" : profile.categories.map((c) => c.name).join(", ") || "No category"}</dd>
      <dt>How often</dt>
      <dd>
        {profile.frequency === "immediate"
          ? "Each item as it goes out"
          : `A daily digest at ${String(profile.digestHour).padStart(2, "0")}:00 Tokyo time`}
      </dd>
      <dt>Subscribed</dt>
      <dd>{when(profile.createdAt, "")}</dd>
      <dt>Confirmed</dt>
      <dd>{when(profile.confirmedAt, "Not yet")}</dd>
      {profile.frequency === "daily" && (
        <>
          <dt>Digest covers news until</dt>
          <dd>{when(profile.digestCoveredUntil, "Not started")}</dd>
        </>
      )}
      <dt>Bounces</dt>
      <dd>
        {profile.bounceCount === 0 ? (
          "None"
        ) : (
          <>
            {profile.bounceCount}, the last {when(profile.lastBounceAt, "at an unknown time")}:{" "}
            {profile.lastBounceReason ?? "no reason given"}
          </>
        )}
      </dd>
    </dl>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { SubscriberDeliveries } from "@/components/studio/subscriber-deliveries";
import { SubscriberProfileList } from "@/components/studio/subscriber-profile";
import { getSubscriberRecord, RECORD_DELIVERIES_SHOWN } from "@/server/subscriptions/subscriber-admin";
import { studioPageUser } from "../../_lib/page-user";
import { DeleteSubscriberForm } from "../_components/delete-subscriber-form";
import "../subscribers.css";
import { readOrRefused, RefusedPage } from "../../_lib/read-or-refused";

export const metadata: Metadata = { title: "Subscriber record" };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const load = (id: number) => readOrRefused(() => getSubscriberRecord({ id }));

export default async function SubscriberRecordPage({ params, searchParams }: PageProps<"/studio/subscribers/[id]">) {
  await studioPageUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const record = await load(id.data);
  if (record === null) {
    return <RefusedPage title="Subscriber record">Only administrators can see, export or delete a subscriber’s data.</RefusedPage>;
  }
  const { profile } = record;
  const base = `/studio/subscribers/${profile.id}`;
  const confirming = (await searchParams).confirm === "delete";
  return (
    <>
      <h1>Subscriber: {profile.email}</h1>
      <p>
        <Link href="/studio/subscribers">Back to subscribers</Link>
      </p>
      {confirming && (
        <section aria-labelledby="delete-heading" className="subscriber-section danger-zone" id="delete">
          <h2 id="delete-heading">Delete this subscriber?</h2>
          <p>
            This deletes the subscription of {profile.email}, its chosen categories, the record of all {record.deliveryCount} messages and{" "}
            {record.keptMessages} kept {record.keptMessages === 1 ? "copy" : "copies"}. Nothing more will be sent to the address. It cannot
            be undone; export the data first if the person asked for a copy.
          </p>
          <DeleteSubscriberForm id={profile.id} email={profile.email} cancelHref={base} />
        </section>
      )}

      <section aria-labelledby="profile-heading" className="subscriber-section">
        <h2 id="profile-heading">What is held</h2>
        <SubscriberProfileList profile={profile} />
        <div className="button-row subscriber-actions">
          <a className="button" href={`/api/studio/subscribers/${profile.id}/export`} download>
            Export data (JSON)
          </a>
          {!confirming && (
            <Link className="button danger" href={`${base}?confirm=delete#delete`}>
              Delete subscriber…
            </Link>
          )}
        </div>
      </section>

      <section aria-labelledby="history-heading" className="subscriber-section">
        <h2 id="history-heading">Messages to this address</h2>
        {record.deliveryCount > RECORD_DELIVERIES_SHOWN && (
          <p className="hint">
            The newest {RECORD_DELIVERIES_SHOWN} of {record.deliveryCount}; the export holds every one.
          </p>
        )}
        <SubscriberDeliveries deliveries={record.deliveries} />
      </section>
    </>
  );
}

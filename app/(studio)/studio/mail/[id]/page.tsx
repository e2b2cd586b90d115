import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { KeptMessageView } from "@/components/studio/kept-message-view";
import { getKeptMessage } from "@/server/subscriptions/kept-mail";
import { studioPageUser } from "../../_lib/page-user";
import "../../subscribers/subscribers.css";
import { readOrRefused, RefusedPage } from "../../_lib/read-or-refused";

export const metadata: Metadata = { title: "Kept message" };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const load = (id: number) => readOrRefused(() => getKeptMessage({ id }));

export default async function KeptMessagePage({ params }: PageProps<"/studio/mail/[id]">) {
  await studioPageUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const message = await load(id.data);
  if (message === null) {
    return <RefusedPage title="Kept message">Only publishers and administrators can read subscriber mail.</RefusedPage>;
  }
  return (
    <>
      <h1>Kept message: {message.subject}</h1>
      <p>
        <Link href="/studio/mail">Back to kept mail</Link>
      </p>
      <KeptMessageView message={message} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { KeptMessageView } from "@/components/studio/kept-message-view";
import { AppError } from "@/lib/errors";
import { getKeptMessage, type KeptMessage } from "@/server/subscriptions/kept-mail";
import { studioPageUser } from "../../_lib/page-user";
import "../../subscribers/subscribers.css";

export const metadata: Metadata = { title: "Kept message" };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

async function load(id: number): Promise<KeptMessage | null> {
  try {
    return await getKeptMessage({ id });
  } catch (error) {
    if (error instanceof AppError && error.type === "not_found") notFound();
    if (error instanceof AppError && error.type === "forbidden") return null;
    throw error;
  }
}

export default async function KeptMessagePage({ params }: PageProps<"/studio/mail/[id]">) {
  await studioPageUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const message = await load(id.data);
  if (message === null) {
    return (
      <>
        <h1>Kept message</h1>
        <p className="form-error" role="alert">
          Only publishers and administrators can read subscriber mail.
        </p>
      </>
    );
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

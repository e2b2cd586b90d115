"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError, toFormState, type FormState } from "@/lib/errors";
import { deleteSubscriber, findSubscriberByEmail } from "@/server/subscriptions/subscriber-admin";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** Finds by exact address and opens the record; the address never goes into a URL (or a server log). */
export async function findSubscriberAction(_prev: unknown, formData: FormData): Promise<FormState> {
  const email = text(formData, "email");
  let found: { id: number } | null;
  try {
    found = await findSubscriberByEmail({ email });
  } catch (error) {
    const refused = toFormState(error);
    return refused.ok ? refused : { ...refused, details: { ...refused.details, values: { email } } };
  }
  if (!found) {
    const message = "No subscriber has that address. Check it letter by letter: the search is for the exact address.";
    return { ok: false, message, code: "not_found:subscriber", status: 404, fields: { email: message }, details: { values: { email } } };
  }
  redirect(`/studio/subscribers/${found.id}`);
}

export async function deleteSubscriberAction(_prev: unknown, formData: FormData): Promise<FormState> {
  // The id comes from a hidden input; a non-number becomes NaN, which server/ refuses by name.
  const id = Number(text(formData, "id"));
  try {
    await deleteSubscriber({ id });
  } catch (error) {
    if (error instanceof AppError && error.type === "not_found") redirect("/studio/subscribers?deleted=already");
    return toFormState(error);
  }
  revalidatePath("/studio/subscribers");
  redirect("/studio/subscribers?deleted=1");
}

"use client";

import Link from "next/link";
import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";
import { deleteSubscriberAction } from "../actions";

/** The confirm step's form: deleting is for good, so it names what goes and offers the way back first. */
export function DeleteSubscriberForm({ id, email, cancelHref }: { id: number; email: string; cancelHref: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteSubscriberAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="subscriber-delete">
      <input type="hidden" name="id" value={id} />
      {!state.ok && state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button danger" disabled={pending}>
          Delete {email} for good
        </button>
        <Link href={cancelHref} className="button">
          Cancel, keep the subscriber
        </Link>
      </div>
    </form>
  );
}

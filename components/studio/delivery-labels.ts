import type { DeliveryStatus, MailKind } from "@/lib/vocabulary";

/** The studio's words for each kind of subscriber message and each state of its delivery. */
export const DELIVERY_KIND_LABELS: Record<MailKind, string> = {
  confirm: "Confirmation request",
  alert: "Alert",
  update: "Update alert",
  withdrawal: "Withdrawal notice",
  digest: "Daily digest",
};

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  cancelled: "Cancelled",
};

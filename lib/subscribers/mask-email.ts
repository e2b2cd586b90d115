/**
 * An address as staff who may not see subscribers' addresses meet it: the first character of
 * the local part and the whole domain ("a•••@example.jp"), enough to tell a bounce from a
 * large provider from one at a small office, too little to write to the person.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

/** How the subscriber admin takes an address: as the subscribe form stores it, trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

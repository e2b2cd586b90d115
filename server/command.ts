import "server-only";
import type { z } from "zod";
import type { Database, Transaction } from "@/db/client";
import type { AuditAction } from "@/lib/audit-actions";
import { AppError, type ErrorSurface } from "@/lib/errors";
import { inputShapeProblem } from "@/lib/input-shape";
import type { Capability } from "@/lib/permissions";
import { recordAudit } from "./audit";
import { denyAccess, requireCapability, type CurrentUser } from "./auth/current-user";
import { expirePublicTags, recordTagExpirations } from "./cache-invalidation";
import { getDatabase } from "./db";

/** What a command's body may do besides its own writes: all of it lands with the transaction or not at all. */
export type CommandContext<Input, Resource> = {
  user: CurrentUser;
  input: Input;
  resource: Resource;
  tx: Transaction;
  now: Date;
  /** Extra audit details for the entry the wrapper writes (target and outcome are the wrapper's). */
  note: (details: Record<string, unknown>) => void;
  /** Public cache tags this change makes stale: recorded durably in the transaction, expired after commit. */
  expire: (...tags: string[]) => void;
  /**
   * Nothing changed (the account already has that role, the link was already
   * revoked): the wrapper writes no audit entry and expires no tags, so a
   * repeated click leaves the log as it was.
   */
  unchanged: () => void;
};

export type AuthorizeContext<Input> = {
  user: CurrentUser;
  input: Input;
  db: Database;
  /** Refuses with 403 and writes a "denied" audit entry that survives the refusal. */
  deny: (message: string) => Promise<never>;
};

export type CommandSpec<Schema extends z.ZodType, Resource, Result> = {
  /** The audit action written on success (and on a denial). */
  action: AuditAction;
  surface: ErrorSurface;
  /** The capability checked right after authentication, before any parsing. */
  capability: Capability;
  input: Schema;
  /** Loads the resource under the caller's rights (404 if missing, deny() if not theirs). */
  authorize?: (ctx: AuthorizeContext<z.output<Schema>>) => Promise<Resource>;
  /** The audit entry's target, from the parsed input and resource. */
  target?: (input: z.output<Schema>, resource: Resource, result: Result) => { type: string; id: string | number } | undefined;
  run: (ctx: CommandContext<z.output<Schema>, Resource>) => Promise<Result>;
};

/**
 * The one way server/ changes something: authenticate → check the input's
 * shape (depth and size) → validate with zod → authorize the resource → run in
 * one transaction with its audit entry and durable tag expiries → expire the
 * tags in this process after commit. A forged request gets exactly the refusal
 * the studio would show, and a refusal changes nothing.
 * (After t3's protectedProcedure.input().mutation() and saas-starter's validatedActionWithUser.)
 */
export function defineCommand<Schema extends z.ZodType, Resource = undefined, Result = void>(
  spec: CommandSpec<Schema, Resource, Result>,
): (raw: unknown, options?: { now?: Date }) => Promise<Result> {
  return async (raw, options = {}) => {
    const user = await requireCapability(spec.capability, spec.surface, spec.action);
    const shape = inputShapeProblem(raw);
    if (shape) throw new AppError(`bad_request:${spec.surface}`, shape);
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) throw AppError.invalid(spec.surface, parsed.error);
    const input = parsed.data as z.output<Schema>;
    const db = await getDatabase();
    const deny = (message: string) => {
      const target = spec.target?.(input, undefined as Resource, undefined as Result);
      return denyAccess(user, spec.surface, spec.action, message, target);
    };
    const resource = spec.authorize ? await spec.authorize({ user, input, db, deny }) : (undefined as Resource);
    const tags = new Set<string>();
    const details: Record<string, unknown> = {};
    const now = options.now ?? new Date();
    let changed = true;
    const result = await db.transaction(async (tx) => {
      const value = await spec.run({
        user,
        input,
        resource,
        tx,
        now,
        note: (more) => Object.assign(details, more),
        expire: (...more) => more.forEach((tag) => tags.add(tag)),
        unchanged: () => {
          changed = false;
        },
      });
      if (!changed) {
        tags.clear();
        return value;
      }
      const target = spec.target?.(input, resource, value);
      await recordAudit(tx, {
        actor: user,
        action: spec.action,
        outcome: "ok",
        targetType: target?.type,
        targetId: target?.id,
        details: Object.keys(details).length ? details : undefined,
      });
      if (tags.size) await recordTagExpirations(tx, [...tags]);
      return value;
    });
    expirePublicTags([...tags]);
    return result;
  };
}

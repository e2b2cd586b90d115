import fc from "fast-check";
import { describe, expect } from "vitest";
import { ROLES } from "@/db/schema";
import { AppError } from "@/lib/errors";
import * as users from "@/server/users";
import * as transitions from "@/server/editorial/transitions";
import { integrationTest } from "../support/fixtures";
import { extraKeyArb, PROPERTY_RUNS, trimmed, wrongTypeArb } from "../support/security-arbitraries";
import { databaseFingerprint } from "../support/security-fingerprint";

const it = integrationTest();

let created = 0;

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

const emailArb = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,20}[a-z0-9])?$/),
    fc.constantFrom("koho.example", "city.example.gov", "metro.example.jp"),
  )
  .filter(([local]) => !local.includes(".."))
  .map(([local, domain]) => `${local}@${domain}`);

describe("staff accounts (property)", () => {
  it("any valid new account is stored as given (email lower-cased) and never exposes its hash", async ({ actAs }) => {
    actAs("admin");
    await fc.assert(
      fc.asyncProperty(
        emailArb,
        fc.boolean(),
        trimmed(1, 200),
        fc.constantFrom(...ROLES),
        fc.string({ minLength: 12, maxLength: 64 }),
        async (email, upper, name, role, password) => {
          const unique = `${++created}.${email}`;
          const member = await users.createStaffMember({ email: upper ? unique.toUpperCase() : unique, name, role, password });
          expect(member).toMatchObject({ email: unique, name, role, active: true, hasPassword: true });
          const listed = (await users.listStaffMembers()).find((m) => m.id === member.id);
          expect(listed).toEqual(member);
          expect(JSON.stringify(listed)).not.toMatch(/argon|passwordHash|sessionVersion/);
        },
      ),
      { ...PROPERTY_RUNS, numRuns: 60 },
    );
  }, 120_000);

  it("any invalid account change is a 400 and writes nothing", async ({ client, staff, actAs }) => {
    actAs("admin");
    const valid = {
      create: { email: "someone.new@koho.example", name: "Someone New", role: "writer", password: "long-enough-password" },
      role: { id: staff.writer.id, role: "editor" },
      active: { id: staff.writer.id, active: false },
      password: { id: staff.writer.id, password: "long-enough-password" },
    } as const;
    const calls = {
      create: users.createStaffMember,
      role: users.changeStaffRole,
      active: users.setStaffMemberActive,
      password: users.resetStaffPassword,
    };
    const invalid = fc.constantFrom(...(Object.keys(valid) as (keyof typeof valid)[])).chain((which) => {
      const base: Record<string, unknown> = valid[which];
      const keys = Object.keys(base);
      const arms: fc.Arbitrary<Record<string, unknown>>[] = [
        extraKeyArb(keys).chain((key) => fc.anything().map((v) => ({ ...base, [key]: v }))),
        fc.constantFrom(...keys).chain((key) => wrongTypeArb(base[key]).map((v) => ({ ...base, [key]: v }))),
        fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))),
      ];
      if ("password" in base) arms.push(fc.string({ maxLength: 11 }).map((password) => ({ ...base, password })));
      if ("email" in base)
        arms.push(
          fc
            .constantFrom("no-at-sign", "a@", "@b.example", "a b@c.example", "x".repeat(330) + "@c.example")
            .map((email) => ({ ...base, email })),
        );
      return fc.oneof(...arms).map((input) => ({ which, input }));
    });
    const before = await databaseFingerprint(client);
    await fc.assert(
      fc.asyncProperty(invalid, async ({ which, input }) => {
        const error = await refusal(calls[which](input));
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(400);
      }),
      { ...PROPERTY_RUNS, numRuns: 200 },
    );
    expect(await databaseFingerprint(client)).toEqual(before);
  }, 120_000);
});

describe("workflow transitions (property)", () => {
  it("the transition schema keeps every valid input as given", () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            articleId: fc.integer({ min: 1, max: 1_000_000 }),
            transition: fc.constantFrom(...transitions.transitionFields("article").shape.transition.options),
            comment: trimmed(0, 200),
            reason: trimmed(0, 200),
            changeType: fc.constantFrom("minor" as const, "major" as const),
            changeNote: trimmed(0, 300),
          },
          { requiredKeys: ["articleId", "transition"] },
        ),
        (input) => {
          expect(transitions.transitionFields("article").parse(input)).toEqual(input);
          expect(transitions.transitionFields("article").parse({ ...input, articleId: String(input.articleId) })).toEqual(input);
        },
      ),
      { ...PROPERTY_RUNS, numRuns: 300 },
    );
  });

  it("any invalid transition request is a 400 and writes nothing", async ({ client, actAs }) => {
    actAs("publisher");
    const [row] = (await client.execute("SELECT id FROM articles ORDER BY id LIMIT 1")).rows;
    const base: Record<string, unknown> = { articleId: Number(row!.id), transition: "publish" };
    const keys = ["articleId", "transition", "comment", "reason", "scheduledFor", "changeType", "changeNote"];
    const invalid = fc.oneof(
      extraKeyArb(keys).chain((key) => fc.anything().map((v) => ({ ...base, [key]: v }))),
      wrongTypeArb(1)
        .filter((v) => typeof v !== "string" || !/^\s*\d+\s*$/.test(v))
        .map((articleId) => ({ ...base, articleId })),
      fc
        .string()
        .filter((s) => !(s in {}))
        .map((transition) => ({ ...base, transition })),
      fc
        .oneof(fc.string(), fc.constantFrom("2026-02-30T10:00", "2026-13-01T10:00", "tomorrow", "2026-11-20 10:00"))
        .filter((s) => !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s) || s.startsWith("2026-"))
        .map((scheduledFor) => ({ ...base, transition: "schedule", scheduledFor })),
      fc
        .string({ minLength: 1 })
        .filter((s) => !["minor", "major"].includes(s))
        .map((changeType) => ({ ...base, changeType })),
      fc
        .string({ minLength: 301, maxLength: 400 })
        .filter((s) => s.trim().length > 300)
        .map((changeNote) => ({ ...base, changeNote })),
    );
    const before = await databaseFingerprint(client);
    await fc.assert(
      fc.asyncProperty(invalid, async (input) => {
        const parsed = transitions.transitionFields("article").safeParse(input);
        fc.pre(!parsed.success);
        const error = await refusal(transitions.applyTransition("article", input));
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(400);
      }),
      { ...PROPERTY_RUNS, numRuns: 200 },
    );
    expect(await databaseFingerprint(client)).toEqual(before);
  }, 120_000);
});

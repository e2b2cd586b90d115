import type { Client, InStatement, Transaction, TransactionMode } from "@libsql/client";

/**
 * libSQL runs SQLite calls synchronously on the Node thread. If one pooled
 * connection holds the write lock inside an open transaction and another
 * connection in the same process tries to write, SQLite's busy wait blocks the
 * whole thread — so the transaction holding the lock can never finish — until
 * the busy timeout fails the writer with SQLITE_BUSY. Writes from one process
 * therefore queue here, in order; reads never wait (WAL lets them run beside a
 * writer). Other processes are still arbitrated by SQLite's busy timeout.
 */
export function serializeWrites(client: Client): Client {
  let tail: Promise<void> = Promise.resolve();
  const acquire = async (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = tail;
    tail = previous.then(() => held);
    await previous;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        release();
      }
    };
  };
  const withLock = async <T>(run: () => Promise<T>): Promise<T> => {
    const release = await acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };

  const writes = (stmt: InStatement | string) =>
    !/^\s*(select|pragma\s+\w+\s*$|with\s[\s\S]*\bselect\b(?![\s\S]*\b(insert|update|delete)\b))/i.test(
      typeof stmt === "string" ? stmt : stmt.sql,
    );

  const holdUntilSettled = (tx: Transaction, release: () => void): Transaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === "commit" || prop === "rollback") {
          return async () => {
            try {
              return await (value as () => Promise<void>).call(target);
            } finally {
              release();
            }
          };
        }
        if (prop === "close") {
          return () => {
            try {
              (value as () => void).call(target);
            } finally {
              release();
            }
          };
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });

  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      switch (prop) {
        case "transaction":
          return async (mode: TransactionMode = "write") => {
            if (mode === "read") return target.transaction(mode);
            const release = await acquire();
            try {
              return holdUntilSettled(await target.transaction(mode), release);
            } catch (error) {
              release();
              throw error;
            }
          };
        case "execute":
          return (stmt: InStatement | string, args?: never) =>
            writes(stmt) ? withLock(() => target.execute(stmt as string, args)) : target.execute(stmt as string, args);
        case "batch":
        case "migrate":
        case "executeMultiple":
          return (...args: unknown[]) => withLock(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
        default:
          return typeof value === "function" ? value.bind(target) : value;
      }
    },
  });
}

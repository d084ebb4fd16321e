/**
 * A DuckDB connection (in memory) for writing and reading cohort Parquet files. Loaded only by the
 * cohort commands, never by `clipshock --help`.
 */
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

export interface Duck {
  run(sql: string): Promise<void>;
  /** Rows as JSON-safe objects (BIGINT as number when safe, else string). */
  all(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

export async function openDuck(): Promise<Duck> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const conn = await DuckDBConnection.create(instance);
  return {
    run: async (sql) => {
      await conn.run(sql);
    },
    all: async (sql) => {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJson().map((r) => {
        const o: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(r)) {
          const n = typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v;
          o[k] = typeof n === "number" && Number.isSafeInteger(n) ? n : v;
        }
        return o;
      });
    },
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** A string literal for SQL. */
export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

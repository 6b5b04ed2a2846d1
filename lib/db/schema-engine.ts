import "server-only";

import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { parse as parseConnectionString } from "pg-connection-string";

export type { SchemaEngine };

// Resolved from the project root: these modules run as CommonJS under tsx and
// as ESM under vitest, so neither __filename nor import.meta is always there.
const require = createRequire(path.join(process.cwd(), "package.json"));

// The Prisma CLI can only run its native schema engine, which these machines
// cannot download. Its npm package still ships the WebAssembly build of that
// very engine (prisma/build/schema_engine_bg.wasm, the version named by
// @prisma/engines-version), without JS bindings. The bindings come from
// @prisma/schema-engine-wasm: the registry has no release for our exact engine
// commit, but wasm-bindgen names every import and export after a hash of its
// signature, so an engine that links against this glue speaks its ABI.
function engineWasmPath(): string {
  return path.join(
    path.dirname(require.resolve("prisma/package.json")),
    "build",
    "schema_engine_bg.wasm",
  );
}

export function expectedEngineVersion(): string {
  const pkg = require("@prisma/engines-version/package.json") as {
    prisma: { enginesVersion: string };
  };
  return pkg.prisma.enginesVersion;
}

// The engine arms a timer for each lock wait and query timeout and never
// clears it (the glue imports no clearTimeout), which kept every script alive
// for ten seconds after its work was done. Unreferenced timers still fire.
function withUnrefTimers(imports: typeof glue): WebAssembly.ModuleImports {
  const patched: WebAssembly.ModuleImports = {
    ...(imports as unknown as WebAssembly.ModuleImports),
  };

  for (const name of Object.keys(patched).filter((key) =>
    key.startsWith("__wbg_setTimeout_"),
  )) {
    patched[name] = (callback: () => void, ms: number) =>
      setTimeout(callback, ms >>> 0).unref();
  }

  return patched;
}

type PanicRegistry = {
  message: string | undefined;
  set_message(message: string): void;
};

let loaded: Promise<void> | undefined;

// The glue keeps the instance in module state, so the wasm is instantiated
// once per process and shared by every engine.
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    // The engine reports panics through this global before it throws.
    const registry: PanicRegistry = {
      message: undefined,
      set_message(message) {
        this.message = message;
      },
    };
    (
      globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }
    ).PRISMA_WASM_PANIC_REGISTRY = registry;

    const bytes = readFileSync(engineWasmPath());
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": withUnrefTimers(glue),
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();

    const version = glue.version();
    if (version !== expectedEngineVersion()) {
      throw new Error(
        `Schema engine ${version} loaded, but @prisma/engines-version expects ${expectedEngineVersion()}.`,
      );
    }
  })();

  return loaded;
}

// Connection fields are passed one by one rather than as a connectionString:
// node-postgres lets a connectionString override `database`, and the adapter
// opens its shadow database by overriding exactly that field. With a URL the
// "shadow" pool would reach the real database, which the engine then resets.
export function adapterConfig(url: string) {
  const parsed = parseConnectionString(url);

  return {
    host: parsed.host ?? "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.user,
    password: parsed.password,
    database: parsed.database ?? undefined,
    ssl:
      parsed.ssl === undefined || parsed.ssl === false
        ? undefined
        : (parsed.ssl as object | true),
    max: 2,
  };
}

type AdapterConfig = ReturnType<typeof adapterConfig>;

async function runOnServer(config: AdapterConfig, sql: string): Promise<void> {
  const client = new pg.Client({ ...config, database: "postgres" });
  await client.connect();

  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryResult = { fields?: { dataTypeID: number }[] };

function charAsText<T>(result: T): T {
  for (const field of (result as QueryResult).fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }

  return result;
}

// The engine describes a database through pg_catalog, whose columns such as
// relkind are of the one-byte type "char". @prisma/adapter-pg 7.10 rejects
// that type ("Column type 'char' could not be deserialized"), so the clients
// of the engine's pools report it as text, which is what its value is.
class CatalogClient extends pg.Client {
  override query(...args: unknown[]): never {
    const callback =
      typeof args.at(-1) === "function"
        ? (args.pop() as (e: unknown, r?: unknown) => void)
        : undefined;
    const pending = (super.query as (...a: unknown[]) => Promise<unknown>)(
      ...args,
    ).then(charAsText);
    if (!callback) return pending as never;

    pending.then((result) => callback(null, result), callback);
    return undefined as never;
  }
}

function enginePool(
  config: AdapterConfig,
  database = config.database,
): pg.Pool {
  return new pg.Pool({ ...config, database, Client: CatalogClient });
}

// The adapter's own shadow database drops the database while its pool is
// still connected, which PostgreSQL refuses, and leaves a pool open. This one
// closes the pool first and drops with FORCE so no shadow database is left.
class EngineAdapterFactory extends PrismaPg {
  constructor(
    private readonly settings: AdapterConfig,
    pool: pg.Pool,
  ) {
    super(pool);
  }

  override async connectToShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await runOnServer(this.settings, `CREATE DATABASE "${name}"`);

    const pool = enginePool(this.settings, name);
    const adapter = await new PrismaPg(pool, {
      disposeExternalPool: true,
    }).connect();
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await closePool();
      await runOnServer(
        this.settings,
        `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
      );
    };

    return adapter;
  }
}

export type EngineHandle = {
  engine: SchemaEngine;
  logs: string[];
  close(): Promise<void>;
};

/** Starts a schema engine connected to the database at `url`, optionally aware of a Prisma schema. */
export async function openSchemaEngine(
  url: string,
  schema?: { path: string; content: string },
): Promise<EngineHandle> {
  await loadWasm();

  const logs: string[] = [];
  const config = adapterConfig(url);
  const pool = enginePool(config);
  const factory = bindMigrationAwareSqlAdapterFactory(
    new EngineAdapterFactory(config, pool),
  );
  const datamodels: [string, string][] | undefined = schema
    ? [[schema.path, schema.content]]
    : undefined;

  const engine = await glue.SchemaEngine.new(
    { datamodels },
    (log: string) => logs.push(log),
    factory,
  );

  // Freeing the engine does not dispose of its adapter, so the pool is closed
  // here; an open pool would keep the process alive for its idle timeout.
  const close = async () => {
    engine.free();
    await pool.end();
  };

  return { engine, logs, close };
}

/** Turns an engine failure into an Error; a Rust panic gets its message, which the trap itself lacks. */
export function engineError(error: unknown): Error {
  const panic = (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry })
    .PRISMA_WASM_PANIC_REGISTRY;
  if (error instanceof WebAssembly.RuntimeError && panic?.message) {
    return new Error(`Schema engine panic: ${panic.message}`);
  }

  return error instanceof Error ? error : new Error(String(error));
}

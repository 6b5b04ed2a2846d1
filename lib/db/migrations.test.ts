import { execFile } from "node:child_process";
import {
  cp,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  createScratchDatabase,
  query,
  type ScratchDatabase,
} from "@/tests/support/scratch-database";

import {
  applyMigrations,
  checksum,
  createMigration,
  defaultPaths,
  diffMigrationsToSchema,
  migrationFolderName,
  type MigrationPaths,
} from "./migrations";
import { adapterConfig, expectedEngineVersion } from "./schema-engine";

const run = promisify(execFile);

const databases: ScratchDatabase[] = [];
const folders: string[] = [];

async function freshDatabase(): Promise<ScratchDatabase> {
  const database = await createScratchDatabase("ee_migrations");
  databases.push(database);
  return database;
}

/** A copy of prisma/schema.prisma and prisma/migrations that a test may change. */
async function treeCopy(): Promise<MigrationPaths> {
  const dir = await mkdtemp(path.join(tmpdir(), "ee-migrations-"));
  folders.push(dir);

  const paths = {
    schemaPath: path.join(dir, "schema.prisma"),
    migrationsDir: path.join(dir, "migrations"),
  };
  await cp(defaultPaths.schemaPath, paths.schemaPath);
  await cp(defaultPaths.migrationsDir, paths.migrationsDir, {
    recursive: true,
  });
  return paths;
}

async function addContactNotesField(schemaPath: string): Promise<void> {
  const schema = await readFile(schemaPath, "utf8");
  await writeFile(
    schemaPath,
    schema.replace(
      "  phone          String?\n",
      "  phone          String?\n  notes String?\n",
    ),
  );
}

async function committedMigrationNames(): Promise<string[]> {
  const entries = await readdir(defaultPaths.migrationsDir, {
    withFileTypes: true,
  });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

type MigrationRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

const migrationRows = (url: string) =>
  query<MigrationRow>(
    url,
    "SELECT * FROM _prisma_migrations ORDER BY migration_name",
  );

afterEach(async () => {
  await Promise.all(
    folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })),
  );
});

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

describe("the schema engine", () => {
  it("is the WebAssembly build of the engine the Prisma CLI was released with", async () => {
    const { version } =
      await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const database = await freshDatabase();

    await applyMigrations(database.url);

    expect(version()).toBe(expectedEngineVersion());
  });

  it("never lets a connection string override the database of the shadow pool", () => {
    const config = adapterConfig(
      "postgresql://u:p%40ss@db.internal:6543/app?sslmode=disable",
    );

    expect(config).not.toHaveProperty("connectionString");
    expect(config).toMatchObject({
      host: "db.internal",
      port: 6543,
      user: "u",
      password: "p@ss",
      database: "app",
    });
  });
});

describe("applyMigrations", () => {
  it("applies every migration to a fresh database", async () => {
    const database = await freshDatabase();

    const applied = await applyMigrations(database.url);

    expect(applied).toEqual(await committedMigrationNames());
    const tables = await query<{ tablename: string }>(
      database.url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      [
        "ApiKey",
        "AuditEvent",
        "Contact",
        "CustomField",
        "Organization",
        "User",
        "_prisma_migrations",
        "rate_limit",
      ].sort(),
    );
  });

  it("does nothing on a second run", async () => {
    const database = await freshDatabase();
    await applyMigrations(database.url);
    const before = await migrationRows(database.url);

    const applied = await applyMigrations(database.url);

    expect(applied).toEqual([]);
    expect(await migrationRows(database.url)).toEqual(before);
  });

  it("writes _prisma_migrations rows the way prisma migrate deploy does", async () => {
    const database = await freshDatabase();
    await applyMigrations(database.url);

    const rows = await migrationRows(database.url);
    const names = await committedMigrationNames();

    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const script = await readFile(
        path.join(
          defaultPaths.migrationsDir,
          row.migration_name,
          "migration.sql",
        ),
        "utf8",
      );
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.checksum).toBe(checksum(script));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(
        row.started_at.getTime(),
      );
      expect(row).toMatchObject({
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
    }

    const columns = await query<{
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      database.url,
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", is_nullable: "NO" },
      {
        column_name: "checksum",
        data_type: "character varying",
        is_nullable: "NO",
      },
      {
        column_name: "finished_at",
        data_type: "timestamp with time zone",
        is_nullable: "YES",
      },
      {
        column_name: "migration_name",
        data_type: "character varying",
        is_nullable: "NO",
      },
      { column_name: "logs", data_type: "text", is_nullable: "YES" },
      {
        column_name: "rolled_back_at",
        data_type: "timestamp with time zone",
        is_nullable: "YES",
      },
      {
        column_name: "started_at",
        data_type: "timestamp with time zone",
        is_nullable: "NO",
      },
      {
        column_name: "applied_steps_count",
        data_type: "integer",
        is_nullable: "NO",
      },
    ]);
  });

  it("applies each migration once when several processes migrate at the same time", async () => {
    const database = await freshDatabase();

    const results = await Promise.all(
      [1, 2, 3].map(() => applyMigrations(database.url)),
    );

    expect(results.flat().sort()).toEqual(await committedMigrationNames());
    expect(await migrationRows(database.url)).toHaveLength(
      results.flat().length,
    );
  });

  it("fails, naming the migration, when an applied migration was edited", async () => {
    const database = await freshDatabase();
    await applyMigrations(database.url);
    const paths = await treeCopy();
    const [first] = await committedMigrationNames();
    const file = path.join(paths.migrationsDir, first!, "migration.sql");
    await writeFile(
      file,
      `${await readFile(file, "utf8")}\n-- edited afterwards\n`,
    );

    await expect(applyMigrations(database.url, paths)).rejects.toThrow(
      `Checksum mismatch: the applied migration(s) ${first}`,
    );
  });
});

describe("the drift check", () => {
  it("passes on the committed schema and migrations", async () => {
    expect(await diffMigrationsToSchema(process.env.DATABASE_URL!)).toBe("");
  });

  it("names the difference when the schema changed without a migration", async () => {
    const paths = await treeCopy();
    await addContactNotesField(paths.schemaPath);

    const difference = await diffMigrationsToSchema(
      process.env.DATABASE_URL!,
      paths,
    );

    expect(difference).toContain("Changed the `Contact` table");
    expect(difference).toContain("Added column `notes`");
  });

  it("exits 1 from npm run db:check on a modified copy, and 0 on the committed tree", async () => {
    const paths = await treeCopy();
    await addContactNotesField(paths.schemaPath);
    const args = [
      "run",
      "--silent",
      "db:check",
      "--",
      `--schema=${paths.schemaPath}`,
      `--migrations=${paths.migrationsDir}`,
    ];

    const failed = await run("npm", args).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    const passed = await run("npm", ["run", "--silent", "db:check"]);

    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("Added column `notes`");
    expect(passed.stdout).toContain("agree");
  });

  it("leaves no shadow database behind", async () => {
    await diffMigrationsToSchema(process.env.DATABASE_URL!);

    const shadows = await query(
      process.env.DATABASE_URL!,
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
    );
    expect(shadows).toEqual([]);
  });
});

describe("createMigration", () => {
  it("writes the missing migration, after which the schema and migrations agree", async () => {
    const paths = await treeCopy();
    await addContactNotesField(paths.schemaPath);

    const folder = await createMigration(
      process.env.DATABASE_URL!,
      "Add contact notes",
      paths,
    );

    expect(folder).toMatch(/^\d{14}_add_contact_notes$/);
    const script = await readFile(
      path.join(paths.migrationsDir, folder!, "migration.sql"),
      "utf8",
    );
    expect(script).toContain(
      'ALTER TABLE "Contact" ADD COLUMN     "notes" TEXT;',
    );
    expect(await diffMigrationsToSchema(process.env.DATABASE_URL!, paths)).toBe(
      "",
    );
  });

  it("writes nothing when the schema needs no change", async () => {
    const paths = await treeCopy();

    expect(
      await createMigration(process.env.DATABASE_URL!, "nothing", paths),
    ).toBeNull();
  });

  it("names folders like prisma migrate dev", () => {
    expect(
      migrationFolderName(" Add API key!", new Date("2025-02-03T04:05:06Z")),
    ).toBe("20250203040506_add_api_key");
    expect(() => migrationFolderName("  ")).toThrow("needs a name");
  });
});

beforeAll(() => {
  if (!process.env.DATABASE_URL)
    throw new Error("tests/global-setup.ts sets DATABASE_URL.");
});

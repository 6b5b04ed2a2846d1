import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env and its env() helper throws where a variable is
// unset; `prisma generate` needs no database, so an unset URL is fine here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});

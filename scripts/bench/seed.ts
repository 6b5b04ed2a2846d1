import { randomUUID } from "node:crypto";

import { faker } from "@faker-js/faker";
import { Pool } from "pg";

import {
  accessKeyHint,
  digestAccessKey,
  generateCredentials,
  type Credentials,
} from "@/lib/api-keys/credentials";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Benchmark organizations: created once per database and reused while their
// contact count is right, so a second run skips the seeding.

export type BenchOrganization = {
  id: string;
  name: string;
  contacts: number;
  credentials: Credentials;
  /** A sample of the organization's emails, for the lookup measurement. */
  sampleEmails: string[];
};

const DEPARTMENTS = [
  "Engineering",
  "Sales",
  "Marketing",
  "Finance",
  "People",
  "Legal",
  "Operations",
  "Support",
  "Product",
  "Design",
];

const INSERT_BATCH = 5_000;
const SAMPLE_SIZE = 1_000;

export async function ensureBenchOrganization(
  prisma: PrismaClient,
  pool: Pool,
  name: string,
  contacts: number,
  seed: number,
): Promise<BenchOrganization> {
  let organization = await prisma.organization.findFirst({
    where: { name },
    select: { id: true, _count: { select: { contacts: true } } },
  });

  if (organization && organization._count.contacts !== contacts) {
    await prisma.organization.delete({ where: { id: organization.id } });
    organization = null;
  }

  if (!organization) {
    const created = await prisma.organization.create({
      data: { name, contactApiEnabled: true },
      select: { id: true },
    });
    const started = performance.now();
    await insertContacts(pool, created.id, contacts, seed);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Seeded ${contacts.toLocaleString("en")} contacts into "${name}" ` +
        `in ${seconds.toFixed(1)} s.`,
    );
    organization = { id: created.id, _count: { contacts } };
  }

  await prisma.organization.update({
    where: { id: organization.id },
    data: { contactApiEnabled: true },
  });

  return {
    id: organization.id,
    name,
    contacts,
    credentials: await giveKey(prisma, organization.id),
    sampleEmails: await sampleEmails(pool, organization.id),
  };
}

/** An organization with no contacts, for the upload measurement. */
export async function freshBenchOrganization(
  prisma: PrismaClient,
  name: string,
): Promise<BenchOrganization> {
  await prisma.organization.deleteMany({ where: { name } });
  const { id } = await prisma.organization.create({
    data: { name, contactApiEnabled: true },
    select: { id: true },
  });

  return {
    id,
    name,
    contacts: 0,
    credentials: await giveKey(prisma, id),
    sampleEmails: [],
  };
}

// Straight through Prisma, as the API Keys page would, minus the page.
async function giveKey(
  prisma: PrismaClient,
  organizationId: string,
): Promise<Credentials> {
  const credentials = generateCredentials();
  const fields = {
    authId: credentials.authId,
    accessKeyDigest: new Uint8Array(digestAccessKey(credentials.accessKey)),
    accessKeyHint: accessKeyHint(credentials.accessKey),
  };

  await prisma.apiKey.upsert({
    where: { organizationId },
    create: { organizationId, ...fields },
    update: fields,
  });

  return credentials;
}

// Multi-row inserts through unnest(): one statement per 5,000 contacts,
// about ten times faster than Prisma's createMany at this size.
async function insertContacts(
  pool: Pool,
  organizationId: string,
  count: number,
  seed: number,
): Promise<void> {
  faker.seed(seed);
  const now = Date.now();

  for (let start = 0; start < count; start += INSERT_BATCH) {
    const size = Math.min(INSERT_BATCH, count - start);
    const columns = {
      id: [] as string[],
      email: [] as string[],
      firstName: [] as string[],
      lastName: [] as string[],
      location: [] as string[],
      department: [] as string[],
      jobTitle: [] as string[],
      phone: [] as string[],
      updatedAt: [] as string[],
    };

    for (let i = 0; i < size; i++) {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      const local = `${firstName}.${lastName}.${start + i}`
        .toLowerCase()
        .replace(/[^a-z0-9.]/g, "");

      columns.id.push(randomUUID());
      columns.email.push(`${local}@bench.example`);
      columns.firstName.push(firstName);
      columns.lastName.push(lastName);
      columns.location.push(faker.location.city());
      columns.department.push(faker.helpers.arrayElement(DEPARTMENTS));
      columns.jobTitle.push(faker.person.jobTitle());
      columns.phone.push(faker.phone.number({ style: "international" }));
      columns.updatedAt.push(
        new Date(now - faker.number.int(365 * 86_400_000)).toISOString(),
      );
    }

    await pool.query(
      `INSERT INTO "Contact" ("id", "organizationId", "uniqueId", "email",
         "firstName", "lastName", "location", "department", "jobTitle",
         "phone", "updatedAt")
       SELECT id, $1::uuid, email, email, "firstName", "lastName", location,
              department, "jobTitle", phone, "updatedAt"
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
                   $7::text[], $8::text[], $9::text[], $10::timestamp[])
         AS t(id, email, "firstName", "lastName", location, department,
              "jobTitle", phone, "updatedAt")`,
      [
        organizationId,
        columns.id,
        columns.email,
        columns.firstName,
        columns.lastName,
        columns.location,
        columns.department,
        columns.jobTitle,
        columns.phone,
        columns.updatedAt,
      ],
    );
  }

  await pool.query(`ANALYZE "Contact"`);
}

async function sampleEmails(
  pool: Pool,
  organizationId: string,
): Promise<string[]> {
  const { rows } = await pool.query<{ email: string }>(
    `SELECT "email" FROM "Contact" WHERE "organizationId" = $1::uuid
     ORDER BY md5("id"::text) LIMIT $2`,
    [organizationId, SAMPLE_SIZE],
  );
  return rows.map((row) => row.email);
}

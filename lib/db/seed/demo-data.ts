import { Faker, en } from "@faker-js/faker";

import { normalizeEmail } from "@/lib/auth/email";
import type { CustomFieldType, Role } from "@/lib/generated/prisma/enums";

// The demo data of DESIGN.md ("Demo data"), as plain values: the seed writes
// them, and tests and the end-to-end suite read them to know what exists.

export const DEMO_PASSWORD = "demo-password";

export type DemoOrganization = {
  id: string;
  name: string;
  contactApiEnabled: boolean;
};
export type DemoUser = {
  email: string;
  name: string;
  role: Role;
  organizationId: string;
};
export type DemoCustomField = {
  organizationId: string;
  label: string;
  apiName: string;
  type: CustomFieldType;
};
export type DemoContact = {
  organizationId: string;
  uniqueId: string;
  email: string;
  firstName: string;
  lastName: string;
  location: string;
  department: string;
  jobTitle: string;
  phone: string;
  customFields: { startDate: string };
};

export type DemoData = {
  organizations: DemoOrganization[];
  users: DemoUser[];
  customFields: DemoCustomField[];
  contacts: DemoContact[];
};

// Fixed ids make the seed an upsert by primary key: organizations have no
// other unique column, and a second run must find the rows of the first.
export const ACME = {
  id: "0190f5a0-0000-7000-8000-00000000ac3e",
  name: "Acme Corp",
  contactApiEnabled: true,
};
export const GLOBEX = {
  id: "0190f5a0-0000-7000-8000-0000000091b0",
  name: "Globex",
  contactApiEnabled: false,
};

const CONTACT_COUNT = 36;

// A fixed seed and reference date: every run builds the same people.
const FAKER_SEED = 20_240_601;
const REFERENCE_DATE = new Date("2025-01-15T00:00:00Z");

function demoUsers(): DemoUser[] {
  return [
    {
      email: "parent@acme.test",
      name: "Pat Parent",
      role: "PARENT_ADMIN",
      organizationId: ACME.id,
    },
    {
      email: "admin@acme.test",
      name: "Ada Admin",
      role: "ADMIN",
      organizationId: ACME.id,
    },
    {
      email: "manager@acme.test",
      name: "Max Manager",
      role: "MANAGER",
      organizationId: ACME.id,
    },
    {
      email: "parent@globex.test",
      name: "Gil Parent",
      role: "PARENT_ADMIN",
      organizationId: GLOBEX.id,
    },
  ];
}

function fakeContact(faker: Faker): DemoContact {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  // Addresses keep the case people type; the Unique Contact ID does not.
  const email = faker.internet.email({
    firstName,
    lastName,
    provider: "acme-corp.test",
  });

  return {
    organizationId: ACME.id,
    uniqueId: normalizeEmail(email),
    // Stored as the API stores it, so an email filter finds it.
    email: normalizeEmail(email),
    firstName,
    lastName,
    location: faker.location.city(),
    department: faker.commerce.department(),
    jobTitle: faker.person.jobTitle(),
    phone: faker.phone.number({ style: "international" }),
    customFields: {
      startDate: faker.date.past({ years: 8 }).toISOString().slice(0, 10),
    },
  };
}

function demoContacts(): DemoContact[] {
  const faker = new Faker({ locale: [en] });
  faker.seed(FAKER_SEED);
  faker.setDefaultRefDate(REFERENCE_DATE);

  const byUniqueId = new Map<string, DemoContact>();
  while (byUniqueId.size < CONTACT_COUNT) {
    const contact = fakeContact(faker);
    if (!byUniqueId.has(contact.uniqueId))
      byUniqueId.set(contact.uniqueId, contact);
  }

  return [...byUniqueId.values()];
}

/** Builds the demo data; the same values on every call. */
export function buildDemoData(): DemoData {
  return {
    organizations: [ACME, GLOBEX],
    users: demoUsers(),
    customFields: [
      {
        organizationId: ACME.id,
        label: "Start Date",
        apiName: "startDate",
        type: "DATE",
      },
    ],
    contacts: demoContacts(),
  };
}

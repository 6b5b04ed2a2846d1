import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";

import {
  escapeLike,
  exportContactBatches,
  listContactFilterOptions,
  listContactsForPage,
} from "./list-for-page";
import {
  CONTACT_SORTS,
  type ContactListFilter,
  type PageRequest,
} from "./page-cursor";

const DEPARTMENTS = ["Sales", "Engineering", "Finance", null];
const LOCATIONS = ["Berlin", "Lisbon", null];
const CONTACTS = 60;

let organizationId: string;
let otherOrganizationId: string;

function filter(overrides: Partial<ContactListFilter> = {}): ContactListFilter {
  return {
    search: "",
    department: "",
    location: "",
    sort: "name",
    ...overrides,
  };
}

// Walks every page forward, following the cursor as the page's links do.
async function walkForward(f: ContactListFilter, pageSize = 7) {
  const ids: string[] = [];
  let request: PageRequest = { direction: "first" };

  for (let guard = 0; guard < 100; guard++) {
    const page = await listContactsForPage(
      organizationId,
      f,
      request,
      pageSize,
    );
    ids.push(...page.items.map((item) => item.id));
    if (!page.hasNext) return ids;
    request = { direction: "after", cursor: page.items.at(-1)!.id };
  }
  throw new Error("paging did not end");
}

beforeAll(async () => {
  const [org, other] = await Promise.all([
    db.organization.create({ data: { name: `List ${randomUUID()}` } }),
    db.organization.create({ data: { name: `Other ${randomUUID()}` } }),
  ]);
  organizationId = org.id;
  otherOrganizationId = other.id;

  // Many equal names and one timestamp, so the id tie-breaker is exercised.
  const updatedAt = new Date("2026-01-01T00:00:00Z");
  await db.contact.createMany({
    data: Array.from({ length: CONTACTS }, (_, i) => ({
      organizationId,
      uniqueId: `p${i}@example.com`,
      email: `p${i}@example.com`,
      firstName: i % 10 === 0 ? null : `Name${i % 5}`,
      lastName: "Same",
      department: DEPARTMENTS[i % DEPARTMENTS.length],
      location: LOCATIONS[i % LOCATIONS.length],
      jobTitle: i === 7 ? "100%_Chief" : "Clerk",
      updatedAt,
    })),
  });
  await db.contact.create({
    data: {
      organizationId: otherOrganizationId,
      uniqueId: "stranger@example.com",
      email: "stranger@example.com",
      department: "Secret",
    },
  });
});

describe("listContactsForPage", () => {
  it.each(CONTACT_SORTS)(
    "pages through every contact once, sorted by %s",
    async (sort) => {
      const ids = await walkForward(filter({ sort }));

      expect(ids).toHaveLength(CONTACTS);
      expect(new Set(ids).size).toBe(CONTACTS);
    },
  );

  it.each(CONTACT_SORTS)(
    "pages back to exactly the page it came from, sorted by %s",
    async (sort) => {
      const f = filter({ sort });
      const first = await listContactsForPage(
        organizationId,
        f,
        { direction: "first" },
        7,
      );
      const second = await listContactsForPage(
        organizationId,
        f,
        { direction: "after", cursor: first.items.at(-1)!.id },
        7,
      );
      const back = await listContactsForPage(
        organizationId,
        f,
        { direction: "before", cursor: second.items[0]!.id },
        7,
      );

      expect(back.items.map((c) => c.id)).toEqual(first.items.map((c) => c.id));
      expect(back.hasPrevious).toBe(false);
      expect(second.items.map((c) => c.id)).not.toContain(first.items[0]!.id);
    },
  );

  it("sorts by email", async () => {
    const ids = await walkForward(filter({ sort: "email" }), 100);
    const page = await listContactsForPage(
      organizationId,
      filter({ sort: "email" }),
      { direction: "first" },
      100,
    );
    const emails = page.items.map((c) => c.email.toLowerCase());

    expect(ids).toHaveLength(CONTACTS);
    expect(emails).toEqual([...emails].sort());
  });

  it("filters by department and location together", async () => {
    const ids = await walkForward(
      filter({ department: "Sales", location: "Berlin" }),
    );
    const rows = await db.contact.findMany({
      where: { organizationId, department: "Sales", location: "Berlin" },
      select: { id: true },
    });

    expect(ids.sort()).toEqual(rows.map((r) => r.id).sort());
    expect(ids.length).toBeGreaterThan(0);
  });

  it("searches names, email, department, job title and location", async () => {
    const byName = await walkForward(filter({ search: "name3 same" }));
    const byEmail = await walkForward(filter({ search: "P12@EXAMPLE" }));
    const byJob = await walkForward(filter({ search: "100%_chief" }));
    const byLocation = await walkForward(filter({ search: "lisb" }));

    expect(byName).toHaveLength(CONTACTS / 5);
    expect(byEmail).toHaveLength(1);
    expect(byJob).toHaveLength(1);
    expect(byLocation).toHaveLength(CONTACTS / 3);
  });

  it("treats % and _ in a search as themselves", async () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
    expect(await walkForward(filter({ search: "%" }))).toHaveLength(1);
  });

  it("never shows another organization's contacts, even by its cursor", async () => {
    const stranger = await db.contact.findFirstOrThrow({
      where: { organizationId: otherOrganizationId },
    });
    const page = await listContactsForPage(organizationId, filter(), {
      direction: "after",
      cursor: stranger.id,
    });

    expect(page.items).toHaveLength(0);
    expect(await walkForward(filter({ search: "stranger" }))).toHaveLength(0);
  });
});

describe("listContactFilterOptions", () => {
  it("lists the organization's distinct departments and locations", async () => {
    expect(await listContactFilterOptions(organizationId)).toEqual({
      departments: ["Engineering", "Finance", "Sales"],
      locations: ["Berlin", "Lisbon"],
    });
  });
});

describe("exportContactBatches", () => {
  it("yields every selected contact once, in batches", async () => {
    const batches = [];
    for await (const batch of exportContactBatches(
      organizationId,
      filter({ sort: "updated" }),
      25,
    )) {
      batches.push(batch);
    }

    expect(batches.map((b) => b.length)).toEqual([25, 25, 10]);
    expect(new Set(batches.flat().map((c) => c.id)).size).toBe(CONTACTS);
  });
});

-- CreateIndex
CREATE INDEX "Contact_organizationId_email_id_idx" ON "Contact"("organizationId", "email", "id");

-- CreateIndex
CREATE INDEX "Contact_organizationId_updatedAt_id_idx" ON "Contact"("organizationId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Contact_organizationId_department_idx" ON "Contact"("organizationId", "department");

-- CreateIndex
CREATE INDEX "Contact_organizationId_location_idx" ON "Contact"("organizationId", "location");

-- The name order of the Email Contacts table. Prisma's schema cannot express
-- an index on an expression, and the expression must stay identical to the sort
-- key in lib/contacts/list-for-page.ts or the planner will not use it.
CREATE INDEX "Contact_organizationId_sortName_id_idx" ON "Contact"("organizationId", (lower(coalesce("firstName", '') || ' ' || coalesce("lastName", ''))), "id");

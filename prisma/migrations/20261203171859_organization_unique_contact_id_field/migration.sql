-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "uniqueContactIdField" TEXT NOT NULL DEFAULT 'email';

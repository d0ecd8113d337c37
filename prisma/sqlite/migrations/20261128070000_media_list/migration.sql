-- CreateTable
CREATE TABLE "ContactAffiliation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contactId" TEXT NOT NULL,
    "outletId" TEXT NOT NULL,
    "role" TEXT,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    CONSTRAINT "ContactAffiliation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "MediaContact" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContactAffiliation_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ErasedContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "valueHash" TEXT NOT NULL,
    "erasedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Outlet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "country" TEXT,
    "language" TEXT,
    "website" TEXT,
    "nameFolded" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Outlet" ("country", "createdAt", "id", "kind", "language", "name", "updatedAt", "website") SELECT "country", "createdAt", "id", "kind", "language", "name", "updatedAt", "website" FROM "Outlet";
DROP TABLE "Outlet";
ALTER TABLE "new_Outlet" RENAME TO "Outlet";
CREATE INDEX "Outlet_nameFolded_idx" ON "Outlet"("nameFolded");
CREATE TABLE "new_MediaContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "emailNormalized" TEXT,
    "outletId" TEXT,
    "role" TEXT,
    "languages" JSONB NOT NULL,
    "timeZone" TEXT,
    "country" TEXT,
    "otherEmails" JSONB,
    "phone" TEXT,
    "phoneNational" TEXT,
    "phones" JSONB,
    "whatsapp" TEXT,
    "preferredChannel" TEXT,
    "notes" TEXT,
    "tags" JSONB NOT NULL,
    "source" TEXT,
    "lawfulBasis" TEXT,
    "lawfulBasisAt" DATETIME,
    "doNotContact" BOOLEAN NOT NULL DEFAULT false,
    "searchText" TEXT NOT NULL DEFAULT '',
    "nameFolded" TEXT NOT NULL DEFAULT '',
    "facets" TEXT NOT NULL DEFAULT '',
    "archivedAt" DATETIME,
    "mergedIntoId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MediaContact_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_MediaContact" ("archivedAt", "country", "createdAt", "doNotContact", "email", "emailNormalized", "id", "languages", "lawfulBasis", "lawfulBasisAt", "name", "notes", "outletId", "phone", "preferredChannel", "role", "searchText", "source", "tags", "timeZone", "updatedAt", "whatsapp") SELECT "archivedAt", "country", "createdAt", "doNotContact", "email", "emailNormalized", "id", "languages", "lawfulBasis", "lawfulBasisAt", "name", "notes", "outletId", "phone", "preferredChannel", "role", "searchText", "source", "tags", "timeZone", "updatedAt", "whatsapp" FROM "MediaContact";
DROP TABLE "MediaContact";
ALTER TABLE "new_MediaContact" RENAME TO "MediaContact";
CREATE UNIQUE INDEX "MediaContact_emailNormalized_key" ON "MediaContact"("emailNormalized");
CREATE INDEX "MediaContact_searchText_idx" ON "MediaContact"("searchText");
CREATE INDEX "MediaContact_name_id_idx" ON "MediaContact"("name", "id");
CREATE INDEX "MediaContact_phone_idx" ON "MediaContact"("phone");
CREATE INDEX "MediaContact_outletId_nameFolded_idx" ON "MediaContact"("outletId", "nameFolded");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ContactAffiliation_contactId_startedAt_idx" ON "ContactAffiliation"("contactId", "startedAt");

-- CreateIndex
CREATE INDEX "ContactAffiliation_outletId_idx" ON "ContactAffiliation"("outletId");

-- CreateIndex
CREATE UNIQUE INDEX "ErasedContact_valueHash_key" ON "ErasedContact"("valueHash");


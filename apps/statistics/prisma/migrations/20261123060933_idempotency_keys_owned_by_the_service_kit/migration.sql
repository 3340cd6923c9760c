-- The table is declared once now, by the service kit (libs/service-kit/sql/001_idempotent_request.sql),
-- and the migration tool creates it again right after this migration: the keys of the last day go.
-- DropTable
DROP TABLE "idempotent_request";

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The search's postings (see SearchIndex.PostingsQuery): one row per term and entry, keyed (term, kind key × 2^40 +
    /// id) in code-point order, carrying the term's positions in the title and in the text as bitmasks (position modulo
    /// 62), so counts and newest-first slices are index-only scans. Kept by a trigger on search_entries, as SQLite's
    /// FTS5 table is; replaces the GIN-indexed tsvectors, which made every count and every first-five read the rows.
    /// </summary>
    public partial class SearchPostings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE search_postings (
                    "Term" text COLLATE "C" NOT NULL,
                    "Key" bigint NOT NULL,
                    "TitleMask" bigint NOT NULL,
                    "BodyMask" bigint NOT NULL,
                    CONSTRAINT "PK_search_postings" PRIMARY KEY ("Term", "Key") INCLUDE ("TitleMask", "BodyMask"));

                CREATE FUNCTION search_postings_add(entry_key bigint, title text, body text) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO search_postings ("Term", "Key", "TitleMask", "BodyMask")
                    SELECT term, entry_key,
                           bit_or(CASE WHEN in_title THEN 1::bigint << ((n - 1) % 62)::int ELSE 0 END),
                           bit_or(CASE WHEN in_title THEN 0 ELSE 1::bigint << ((n - 1) % 62)::int END)
                    FROM (SELECT term, n, true AS in_title FROM unnest(string_to_array(title, ' ')) WITH ORDINALITY AS t(term, n)
                          UNION ALL
                          SELECT term, n, false FROM unnest(string_to_array(body, ' ')) WITH ORDINALITY AS b(term, n)) AS terms
                    WHERE term <> ''
                    GROUP BY term
                $$;

                CREATE FUNCTION search_postings_sync() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        DELETE FROM search_postings
                        WHERE "Key" = (OLD."KindKey"::bigint << 40) | OLD."Id"
                          AND "Term" = ANY (string_to_array(OLD."TitleTerms" || ' ' || OLD."BodyTerms", ' '));
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        PERFORM search_postings_add((NEW."KindKey"::bigint << 40) | NEW."Id", NEW."TitleTerms", NEW."BodyTerms");
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER search_postings_sync AFTER INSERT OR UPDATE OR DELETE ON search_entries
                    FOR EACH ROW EXECUTE FUNCTION search_postings_sync();

                SELECT search_postings_add(("KindKey"::bigint << 40) | "Id", "TitleTerms", "BodyTerms") FROM search_entries;

                DROP INDEX "IX_search_entries_TitleVector";
                DROP INDEX "IX_search_entries_Vector";
                ALTER TABLE search_entries DROP COLUMN "TitleVector", DROP COLUMN "Vector";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER search_postings_sync ON search_entries;
                DROP FUNCTION search_postings_sync();
                DROP FUNCTION search_postings_add(bigint, text, text);
                DROP TABLE search_postings;
                ALTER TABLE search_entries ADD COLUMN "TitleVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "TitleTerms")) STORED;
                ALTER TABLE search_entries ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "TitleTerms") || to_tsvector('simple'::regconfig, "BodyTerms")) STORED;
                CREATE INDEX "IX_search_entries_TitleVector" ON search_entries USING gin ("TitleVector");
                CREATE INDEX "IX_search_entries_Vector" ON search_entries USING gin ("Vector");
                """);
        }
    }
}

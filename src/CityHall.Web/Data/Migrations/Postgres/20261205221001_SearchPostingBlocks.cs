using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The search's postings move from one row per term and entry (search_postings, kept by a trigger, merge-joined
    /// in SQL) to blocks: one row per term and 1,024 consecutive keys, the postings packed as 24-byte records in key
    /// order (Platform/Search/PostingBlocks.cs), written by the reconciler and met in memory. The blocks are built
    /// here from the postings, which then go with their trigger and functions.
    /// </summary>
    public partial class SearchPostingBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE search_blocks (
                    "Term" text COLLATE "C" NOT NULL,
                    "Bucket" bigint NOT NULL,
                    "Postings" bytea NOT NULL,
                    CONSTRAINT "PK_search_blocks" PRIMARY KEY ("Term", "Bucket"));

                INSERT INTO search_blocks ("Term", "Bucket", "Postings")
                SELECT "Term", "Key" >> 10, string_agg(int8send("Key") || int8send("TitleMask") || int8send("BodyMask"), ''::bytea ORDER BY "Key")
                FROM search_postings
                GROUP BY "Term", "Key" >> 10;

                DROP TRIGGER search_postings_sync ON search_entries;
                DROP FUNCTION search_postings_sync();
                DROP FUNCTION search_postings_add(bigint, text, text);
                DROP FUNCTION search_postings_prefixes(text);
                DROP TABLE search_postings;
                UPDATE search_generation SET "Value" = "Value" + 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE search_postings (
                    "Term" text COLLATE "C" NOT NULL,
                    "Key" bigint NOT NULL,
                    "TitleMask" bigint NOT NULL,
                    "BodyMask" bigint NOT NULL,
                    CONSTRAINT "PK_search_postings" PRIMARY KEY ("Term", "Key") INCLUDE ("TitleMask", "BodyMask"));
                ALTER TABLE search_postings ALTER COLUMN "Term" SET STATISTICS 1000;

                CREATE FUNCTION search_postings_prefixes(terms text) RETURNS TABLE (term text, n bigint) LANGUAGE sql IMMUTABLE AS $$
                    SELECT left(t.term, k), t.n
                    FROM unnest(string_to_array(terms, ' ')) WITH ORDINALITY AS t(term, n), generate_series(1, least(length(t.term), 16)) AS k
                    WHERE t.term <> ''
                $$;

                CREATE FUNCTION search_postings_add(entry_key bigint, title text, body text) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO search_postings ("Term", "Key", "TitleMask", "BodyMask")
                    SELECT term, entry_key,
                           bit_or(CASE WHEN in_title THEN 1::bigint << ((n - 1) % 62)::int ELSE 0 END),
                           bit_or(CASE WHEN in_title THEN 0 ELSE 1::bigint << ((n - 1) % 62)::int END)
                    FROM (SELECT term, n, true AS in_title FROM search_postings_prefixes(title)
                          UNION ALL
                          SELECT term, n, false FROM search_postings_prefixes(body)) AS terms
                    GROUP BY term
                $$;

                CREATE FUNCTION search_postings_sync() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        DELETE FROM search_postings
                        WHERE "Key" = (OLD."KindKey"::bigint << 40) | OLD."Id"
                          AND "Term" = ANY (ARRAY(SELECT DISTINCT term FROM search_postings_prefixes(OLD."TitleTerms" || ' ' || OLD."BodyTerms")));
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
                DROP TABLE search_blocks;
                UPDATE search_generation SET "Value" = "Value" + 1;
                """);
        }
    }
}

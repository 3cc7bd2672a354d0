using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The postings hold every beginning of a term, up to 16 characters (SearchIndex.PostingsQuery.PrefixLength), with
    /// the term's positions: a word typed as a prefix ("park", "화") is then one term looked up like any other, instead
    /// of the terms it begins gathered and made distinct, which cost a common prefix 30–60 ms on 100,000 entries
    /// (docs/benchmarks.md, search). A Korean two-character term gains its first character; an English word each of
    /// its beginnings. The postings are rebuilt.
    /// </summary>
    public partial class SearchPrefixPostings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION search_postings_prefixes(terms text) RETURNS TABLE (term text, n bigint) LANGUAGE sql IMMUTABLE AS $$
                    SELECT left(t.term, k), t.n
                    FROM unnest(string_to_array(terms, ' ')) WITH ORDINALITY AS t(term, n), generate_series(1, least(length(t.term), 16)) AS k
                    WHERE t.term <> ''
                $$;

                CREATE OR REPLACE FUNCTION search_postings_add(entry_key bigint, title text, body text) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO search_postings ("Term", "Key", "TitleMask", "BodyMask")
                    SELECT term, entry_key,
                           bit_or(CASE WHEN in_title THEN 1::bigint << ((n - 1) % 62)::int ELSE 0 END),
                           bit_or(CASE WHEN in_title THEN 0 ELSE 1::bigint << ((n - 1) % 62)::int END)
                    FROM (SELECT term, n, true AS in_title FROM search_postings_prefixes(title)
                          UNION ALL
                          SELECT term, n, false FROM search_postings_prefixes(body)) AS terms
                    GROUP BY term
                $$;

                CREATE OR REPLACE FUNCTION search_postings_sync() RETURNS trigger LANGUAGE plpgsql AS $$
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

                TRUNCATE search_postings;
                SELECT search_postings_add(("KindKey"::bigint << 40) | "Id", "TitleTerms", "BodyTerms") FROM search_entries;
                """);
            // Index-only scans read every row until the visibility map says they need not, and the planner needs the
            // new terms' statistics: both now, not when autovacuum comes by. VACUUM cannot run in a transaction.
            migrationBuilder.Sql("VACUUM (ANALYZE) search_postings;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION search_postings_add(entry_key bigint, title text, body text) RETURNS void LANGUAGE sql AS $$
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

                CREATE OR REPLACE FUNCTION search_postings_sync() RETURNS trigger LANGUAGE plpgsql AS $$
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

                DROP FUNCTION search_postings_prefixes(text);
                TRUNCATE search_postings;
                SELECT search_postings_add(("KindKey"::bigint << 40) | "Id", "TitleTerms", "BodyTerms") FROM search_entries;
                """);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CitySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    KindKey = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TitleKo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TextKo = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TextEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Url = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TitleTerms = table.Column<string>(type: "text", nullable: false),
                    BodyTerms = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "character varying(44)", maxLength: 44, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_entries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_search_entries_Kind_SourceId",
                table: "search_entries",
                columns: new[] { "Kind", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_entries_KindKey_Id",
                table: "search_entries",
                columns: new[] { "KindKey", "Id" });

            // The full-text index (see SearchTerms, SearchIndex): the terms as stored tsvectors, the title's alone (a match
            // there ranks first) and all of them, each GIN-indexed; stored, so a phrase's recheck reads them, never re-parses.
            migrationBuilder.Sql("""
                ALTER TABLE search_entries ADD COLUMN "TitleVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "TitleTerms")) STORED;
                ALTER TABLE search_entries ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "TitleTerms") || to_tsvector('simple'::regconfig, "BodyTerms")) STORED;
                CREATE INDEX "IX_search_entries_TitleVector" ON search_entries USING gin ("TitleVector");
                CREATE INDEX "IX_search_entries_Vector" ON search_entries USING gin ("Vector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_entries");
        }
    }
}

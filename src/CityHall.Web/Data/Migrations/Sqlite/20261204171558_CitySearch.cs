using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    KindKey = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TextKo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TitleTerms = table.Column<string>(type: "TEXT", nullable: false),
                    BodyTerms = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 44, nullable: false)
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

            // The full-text index (see SearchTerms, SearchIndex): a contentless FTS5 table whose rowid is the kind's key
            // times 2^40 plus the entry's id, so one kind is one rowid range; kept in step by triggers. The terms are
            // already cut; unicode61 only splits them on spaces.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE search_fts USING fts5("TitleTerms", "BodyTerms", content='', tokenize='unicode61 remove_diacritics 0');
                CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
                    INSERT INTO search_fts(rowid, "TitleTerms", "BodyTerms") VALUES (new."KindKey" * 1099511627776 + new."Id", new."TitleTerms", new."BodyTerms");
                END;
                CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
                    INSERT INTO search_fts(search_fts, rowid, "TitleTerms", "BodyTerms") VALUES ('delete', old."KindKey" * 1099511627776 + old."Id", old."TitleTerms", old."BodyTerms");
                END;
                CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
                    INSERT INTO search_fts(search_fts, rowid, "TitleTerms", "BodyTerms") VALUES ('delete', old."KindKey" * 1099511627776 + old."Id", old."TitleTerms", old."BodyTerms");
                    INSERT INTO search_fts(rowid, "TitleTerms", "BodyTerms") VALUES (new."KindKey" * 1099511627776 + new."Id", new."TitleTerms", new."BodyTerms");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE search_fts;");
            migrationBuilder.DropTable(
                name: "search_entries");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchGenerationAndTermStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_generation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_generation", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "search_generation",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            // A query's postings are joined in the order the planner thinks cheapest, from how common it thinks each
            // term is. With the default statistics it knew 100 terms of some 12,000 and thought 식당 (14,000 postings)
            // had one: 74 ms instead of 13 for 어린이공원 식당 (docs/benchmarks.md, search).
            migrationBuilder.Sql("""ALTER TABLE search_postings ALTER COLUMN "Term" SET STATISTICS 1000;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE search_postings ALTER COLUMN "Term" SET STATISTICS -1;""");

            migrationBuilder.DropTable(
                name: "search_generation");
        }
    }
}

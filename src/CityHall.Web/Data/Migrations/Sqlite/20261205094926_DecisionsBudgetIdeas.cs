using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionsBudgetIdeas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Salt",
                table: "decision_budgets",
                type: "BLOB",
                maxLength: 32,
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<string>(
                name: "AuthorId",
                table: "decision_budget_projects",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Moderation",
                table: "decision_budget_projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ModerationNote",
                table: "decision_budget_projects",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Supports",
                table: "decision_budget_projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "decision_budget_supports",
                columns: table => new
                {
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budget_supports", x => new { x.ProjectId, x.Commitment });
                    table.ForeignKey(
                        name: "FK_decision_budget_supports_decision_budget_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "decision_budget_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_projects_AuthorId",
                table: "decision_budget_projects",
                column: "AuthorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_budget_supports");

            migrationBuilder.DropIndex(
                name: "IX_decision_budget_projects_AuthorId",
                table: "decision_budget_projects");

            migrationBuilder.DropColumn(
                name: "Salt",
                table: "decision_budgets");

            migrationBuilder.DropColumn(
                name: "AuthorId",
                table: "decision_budget_projects");

            migrationBuilder.DropColumn(
                name: "Moderation",
                table: "decision_budget_projects");

            migrationBuilder.DropColumn(
                name: "ModerationNote",
                table: "decision_budget_projects");

            migrationBuilder.DropColumn(
                name: "Supports",
                table: "decision_budget_projects");
        }
    }
}

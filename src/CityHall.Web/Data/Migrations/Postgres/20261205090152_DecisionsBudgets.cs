using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DecisionsBudgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Amount",
                table: "decision_polls",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BudgetHeadingId",
                table: "decision_polls",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MinAmount",
                table: "decision_polls",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Cost",
                table: "decision_poll_options",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProjectId",
                table: "decision_poll_options",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "decision_budgets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TitleKo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DescriptionKo = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Style = table.Column<int>(type: "integer", nullable: false),
                    MinSharePercent = table.Column<int>(type: "integer", nullable: false),
                    MaxProjects = table.Column<int>(type: "integer", nullable: false),
                    IdeasFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SupportsFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BallotFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResultsFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExecutionFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BallotsPreparedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "decision_budget_headings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetId = table.Column<long>(type: "bigint", nullable: false),
                    NameKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DistrictCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    PollId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budget_headings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_budget_headings_decision_budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "decision_budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_decision_budget_headings_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decision_budget_projects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetId = table.Column<long>(type: "bigint", nullable: false),
                    HeadingId = table.Column<long>(type: "bigint", nullable: false),
                    TitleKo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DescriptionKo = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Cost = table.Column<long>(type: "bigint", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Feasibility = table.Column<int>(type: "integer", nullable: false),
                    ReviewNoteKo = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReviewNoteEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Selected = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budget_projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_budget_projects_decision_budget_headings_HeadingId",
                        column: x => x.HeadingId,
                        principalTable: "decision_budget_headings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_decision_budget_projects_decision_budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "decision_budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_decision_polls_BudgetHeadingId",
                table: "decision_polls",
                column: "BudgetHeadingId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_headings_BudgetId",
                table: "decision_budget_headings",
                column: "BudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_headings_PollId",
                table: "decision_budget_headings",
                column: "PollId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_projects_BudgetId_HeadingId",
                table: "decision_budget_projects",
                columns: new[] { "BudgetId", "HeadingId" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_projects_HeadingId",
                table: "decision_budget_projects",
                column: "HeadingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_budget_projects");

            migrationBuilder.DropTable(
                name: "decision_budget_headings");

            migrationBuilder.DropTable(
                name: "decision_budgets");

            migrationBuilder.DropIndex(
                name: "IX_decision_polls_BudgetHeadingId",
                table: "decision_polls");

            migrationBuilder.DropColumn(
                name: "Amount",
                table: "decision_polls");

            migrationBuilder.DropColumn(
                name: "BudgetHeadingId",
                table: "decision_polls");

            migrationBuilder.DropColumn(
                name: "MinAmount",
                table: "decision_polls");

            migrationBuilder.DropColumn(
                name: "Cost",
                table: "decision_poll_options");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "decision_poll_options");
        }
    }
}

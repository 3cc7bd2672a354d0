using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionsBudgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Paper",
                table: "decision_voters",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "Amount",
                table: "decision_polls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BudgetHeadingId",
                table: "decision_polls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MinAmount",
                table: "decision_polls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Cost",
                table: "decision_poll_options",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProjectId",
                table: "decision_poll_options",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Paper",
                table: "decision_ballots",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "decision_budgets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DescriptionKo = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Style = table.Column<int>(type: "INTEGER", nullable: false),
                    MinSharePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxProjects = table.Column<int>(type: "INTEGER", nullable: false),
                    IdeasFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    SupportsFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    BallotFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ResultsFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ExecutionFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BallotsPreparedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "decision_flagged_ballots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Paper = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_flagged_ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_flagged_ballots_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_budget_headings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BudgetId = table.Column<long>(type: "INTEGER", nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    PollId = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BudgetId = table.Column<long>(type: "INTEGER", nullable: false),
                    HeadingId = table.Column<long>(type: "INTEGER", nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DescriptionKo = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Cost = table.Column<long>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Feasibility = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewNoteKo = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewNoteEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Selected = table.Column<bool>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Moderation = table.Column<int>(type: "INTEGER", nullable: false),
                    ModerationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Supports = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "decision_budget_milestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NoteKo = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NoteEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PercentComplete = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budget_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_budget_milestones_decision_budget_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "decision_budget_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "decision_budget_images",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    MilestoneId = table.Column<long>(type: "INTEGER", nullable: true),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    AltText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budget_images", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_budget_images_decision_budget_milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "decision_budget_milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_decision_budget_images_decision_budget_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "decision_budget_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_decision_voters_PollId_Choices",
                table: "decision_voters",
                columns: new[] { "PollId", "Choices" });

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
                name: "IX_decision_budget_images_MilestoneId",
                table: "decision_budget_images",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_images_ProjectId_MilestoneId",
                table: "decision_budget_images",
                columns: new[] { "ProjectId", "MilestoneId" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_milestones_ProjectId",
                table: "decision_budget_milestones",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_projects_AuthorId",
                table: "decision_budget_projects",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_projects_BudgetId_HeadingId",
                table: "decision_budget_projects",
                columns: new[] { "BudgetId", "HeadingId" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_projects_HeadingId",
                table: "decision_budget_projects",
                column: "HeadingId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_flagged_ballots_PollId",
                table: "decision_flagged_ballots",
                column: "PollId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_budget_images");

            migrationBuilder.DropTable(
                name: "decision_budget_supports");

            migrationBuilder.DropTable(
                name: "decision_flagged_ballots");

            migrationBuilder.DropTable(
                name: "decision_budget_milestones");

            migrationBuilder.DropTable(
                name: "decision_budget_projects");

            migrationBuilder.DropTable(
                name: "decision_budget_headings");

            migrationBuilder.DropTable(
                name: "decision_budgets");

            migrationBuilder.DropIndex(
                name: "IX_decision_voters_PollId_Choices",
                table: "decision_voters");

            migrationBuilder.DropIndex(
                name: "IX_decision_polls_BudgetHeadingId",
                table: "decision_polls");

            migrationBuilder.DropColumn(
                name: "Paper",
                table: "decision_voters");

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

            migrationBuilder.DropColumn(
                name: "Paper",
                table: "decision_ballots");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionsBudgetExecution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_budget_images");

            migrationBuilder.DropTable(
                name: "decision_budget_milestones");
        }
    }
}

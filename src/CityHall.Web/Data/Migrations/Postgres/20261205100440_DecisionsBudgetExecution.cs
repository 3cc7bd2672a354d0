using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<long>(type: "bigint", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    TitleKo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    NoteKo = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NoteEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PercentComplete = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budget_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_budget_milestones_decision_budget_projects_Project~",
                        column: x => x.ProjectId,
                        principalTable: "decision_budget_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_budget_images",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<long>(type: "bigint", nullable: false),
                    MilestoneId = table.Column<long>(type: "bigint", nullable: true),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    AltText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budget_images", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_budget_images_decision_budget_milestones_Milestone~",
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

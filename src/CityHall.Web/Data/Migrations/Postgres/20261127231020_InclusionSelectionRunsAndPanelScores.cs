using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InclusionSelectionRunsAndPanelScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "QueuePosition",
                table: "inclusion_applications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SelectionRunId",
                table: "inclusion_applications",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inclusion_panel_scores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Scores = table.Column<string>(type: "text", nullable: false),
                    Conflict = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_panel_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_panel_scores_inclusion_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "inclusion_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_selection_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<long>(type: "bigint", nullable: false),
                    ProgrammeVersion = table.Column<int>(type: "integer", nullable: false),
                    Method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Seed = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RunAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RunBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Entrants = table.Column<string>(type: "text", nullable: false),
                    Results = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_selection_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_selection_runs_inclusion_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "inclusion_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_applications_State_RespondBy",
                table: "inclusion_applications",
                columns: new[] { "State", "RespondBy" });

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_panel_scores_ApplicationId_MemberId",
                table: "inclusion_panel_scores",
                columns: new[] { "ApplicationId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_selection_runs_ProgrammeId",
                table: "inclusion_selection_runs",
                column: "ProgrammeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inclusion_panel_scores");

            migrationBuilder.DropTable(
                name: "inclusion_selection_runs");

            migrationBuilder.DropIndex(
                name: "IX_inclusion_applications_State_RespondBy",
                table: "inclusion_applications");

            migrationBuilder.DropColumn(
                name: "QueuePosition",
                table: "inclusion_applications");

            migrationBuilder.DropColumn(
                name: "SelectionRunId",
                table: "inclusion_applications");
        }
    }
}

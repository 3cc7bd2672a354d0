using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SelectionRunId",
                table: "inclusion_applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inclusion_panel_scores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Scores = table.Column<string>(type: "TEXT", nullable: false),
                    Conflict = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProgrammeVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Entrants = table.Column<string>(type: "TEXT", nullable: false),
                    Results = table.Column<string>(type: "TEXT", nullable: false)
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

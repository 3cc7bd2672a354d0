using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncubatorMentoringDemoDaysShowcase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "developer_demo_days",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_demo_days", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "developer_mentoring_sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Resident = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Mentor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_mentoring_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "developer_showcase_apps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Maker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SummaryKo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Datasets = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Resident = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_showcase_apps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "developer_demo_day_pitches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemoDayId = table.Column<long>(type: "INTEGER", nullable: false),
                    Resident = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShowcaseAppId = table.Column<long>(type: "INTEGER", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_demo_day_pitches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_developer_demo_day_pitches_developer_demo_days_DemoDayId",
                        column: x => x.DemoDayId,
                        principalTable: "developer_demo_days",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_developer_demo_day_pitches_developer_showcase_apps_ShowcaseAppId",
                        column: x => x.ShowcaseAppId,
                        principalTable: "developer_showcase_apps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_developer_demo_day_pitches_DemoDayId_Resident",
                table: "developer_demo_day_pitches",
                columns: new[] { "DemoDayId", "Resident" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_developer_demo_day_pitches_ShowcaseAppId",
                table: "developer_demo_day_pitches",
                column: "ShowcaseAppId");

            migrationBuilder.CreateIndex(
                name: "IX_developer_demo_days_StartsAt",
                table: "developer_demo_days",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_developer_mentoring_sessions_Resident_HeldAt",
                table: "developer_mentoring_sessions",
                columns: new[] { "Resident", "HeldAt" });

            migrationBuilder.CreateIndex(
                name: "IX_developer_showcase_apps_Published_Name",
                table: "developer_showcase_apps",
                columns: new[] { "Published", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "developer_demo_day_pitches");

            migrationBuilder.DropTable(
                name: "developer_mentoring_sessions");

            migrationBuilder.DropTable(
                name: "developer_demo_days");

            migrationBuilder.DropTable(
                name: "developer_showcase_apps");
        }
    }
}

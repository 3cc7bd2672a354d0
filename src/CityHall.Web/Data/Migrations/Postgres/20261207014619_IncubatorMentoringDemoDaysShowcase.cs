using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TitleKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_demo_days", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "developer_mentoring_sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Resident = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Mentor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_mentoring_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "developer_showcase_apps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Maker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SummaryKo = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SummaryEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Datasets = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Resident = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_showcase_apps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "developer_demo_day_pitches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DemoDayId = table.Column<long>(type: "bigint", nullable: false),
                    Resident = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ShowcaseAppId = table.Column<long>(type: "bigint", nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: false)
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
                        name: "FK_developer_demo_day_pitches_developer_showcase_apps_Showcase~",
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

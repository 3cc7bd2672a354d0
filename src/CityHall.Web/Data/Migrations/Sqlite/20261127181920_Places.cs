using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Places : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "place_kinds",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_place_kinds", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "places",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KindCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DescriptionKo = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RoadAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LotAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OpeningHoursText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AlwaysOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ClosesAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    WheelchairAccess = table.Column<bool>(type: "INTEGER", nullable: true),
                    AccessibleToilet = table.Column<bool>(type: "INTEGER", nullable: true),
                    BabyChanging = table.Column<bool>(type: "INTEGER", nullable: true),
                    EmergencyBell = table.Column<bool>(type: "INTEGER", nullable: true),
                    Cctv = table.Column<bool>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Attribution = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_places", x => x.Id);
                    table.ForeignKey(
                        name: "FK_places_place_kinds_KindCode",
                        column: x => x.KindCode,
                        principalTable: "place_kinds",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_places_KindCode_DistrictCode",
                table: "places",
                columns: new[] { "KindCode", "DistrictCode" });

            migrationBuilder.CreateIndex(
                name: "IX_places_Source_SourceId",
                table: "places",
                columns: new[] { "Source", "SourceId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "places");

            migrationBuilder.DropTable(
                name: "place_kinds");
        }
    }
}

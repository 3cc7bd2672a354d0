using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CctvRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cctv_recorders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IntervalSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    KeyIssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PreviousKeyProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PreviousKeyUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastBatchAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cctv_recorders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cctv_cameras",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LotAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OperatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OperatorContact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    InstalledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ViewDirection = table.Column<int>(type: "INTEGER", nullable: true),
                    ViewAngle = table.Column<int>(type: "INTEGER", nullable: true),
                    ViewText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecorderId = table.Column<int>(type: "INTEGER", nullable: true),
                    Health = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SilentAfter = table.Column<long>(type: "INTEGER", nullable: true),
                    BackAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Attribution = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cctv_cameras", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cctv_cameras_cctv_recorders_RecorderId",
                        column: x => x.RecorderId,
                        principalTable: "cctv_recorders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "cctv_outages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CameraId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cctv_outages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cctv_outages_cctv_cameras_CameraId",
                        column: x => x.CameraId,
                        principalTable: "cctv_cameras",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cctv_cameras_Code",
                table: "cctv_cameras",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cctv_cameras_DistrictCode_Purpose",
                table: "cctv_cameras",
                columns: new[] { "DistrictCode", "Purpose" });

            migrationBuilder.CreateIndex(
                name: "IX_cctv_cameras_Health_SilentAfter",
                table: "cctv_cameras",
                columns: new[] { "Health", "SilentAfter" });

            migrationBuilder.CreateIndex(
                name: "IX_cctv_cameras_RecorderId_Code",
                table: "cctv_cameras",
                columns: new[] { "RecorderId", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_cctv_cameras_Source_SourceId",
                table: "cctv_cameras",
                columns: new[] { "Source", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cctv_outages_CameraId_EndedAt",
                table: "cctv_outages",
                columns: new[] { "CameraId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cctv_outages_DepartmentCode_DetectedAt",
                table: "cctv_outages",
                columns: new[] { "DepartmentCode", "DetectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cctv_recorders_Code",
                table: "cctv_recorders",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cctv_outages");

            migrationBuilder.DropTable(
                name: "cctv_cameras");

            migrationBuilder.DropTable(
                name: "cctv_recorders");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IntervalSeconds = table.Column<int>(type: "integer", nullable: false),
                    KeyProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    KeyIssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PreviousKeyProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PreviousKeyUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastBatchAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Retired = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cctv_recorders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cctv_cameras",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LotAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OperatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OperatorContact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    InstalledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ViewDirection = table.Column<int>(type: "integer", nullable: true),
                    ViewAngle = table.Column<int>(type: "integer", nullable: true),
                    ViewText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RetentionDays = table.Column<int>(type: "integer", nullable: true),
                    Notice = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RemovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecorderId = table.Column<int>(type: "integer", nullable: true),
                    Health = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SilentAfter = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BackAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SourceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Attribution = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CameraId = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DetectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
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

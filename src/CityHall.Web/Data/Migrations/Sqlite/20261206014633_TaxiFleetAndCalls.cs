using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaxiFleetAndCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "taxi_calls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PickupLatitude = table.Column<double>(type: "REAL", nullable: false),
                    PickupLongitude = table.Column<double>(type: "REAL", nullable: false),
                    PickupAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PickupDistrict = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DestinationLatitude = table.Column<double>(type: "REAL", nullable: true),
                    DestinationLongitude = table.Column<double>(type: "REAL", nullable: true),
                    DestinationAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Needs = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SearchRadiusMeters = table.Column<double>(type: "REAL", nullable: false),
                    EstimatedPickupSeconds = table.Column<double>(type: "REAL", nullable: true),
                    CalledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstOfferAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArrivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PickedUpAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DriverId = table.Column<long>(type: "INTEGER", nullable: true),
                    Fare = table.Column<long>(type: "INTEGER", nullable: true),
                    CancellationFee = table.Column<long>(type: "INTEGER", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SafeRideTokenHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    SafeRideSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProblemCase = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxi_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "taxi_companies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxi_companies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "taxi_company_staff",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxi_company_staff", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "taxi_drivers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LicenceNumber = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CarModel = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Features = table.Column<int>(type: "INTEGER", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Photo = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PhotoType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OnDutySince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PausedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RatingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RatingSum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxi_drivers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "taxi_offers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<long>(type: "INTEGER", nullable: false),
                    DriverId = table.Column<long>(type: "INTEGER", nullable: false),
                    OfferedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PickupSeconds = table.Column<double>(type: "REAL", nullable: false),
                    Meters = table.Column<double>(type: "REAL", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxi_offers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_CalledAt",
                table: "taxi_calls",
                column: "CalledAt");

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_DriverId_CalledAt",
                table: "taxi_calls",
                columns: new[] { "DriverId", "CalledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_RiderId_CalledAt",
                table: "taxi_calls",
                columns: new[] { "RiderId", "CalledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_State_CalledAt",
                table: "taxi_calls",
                columns: new[] { "State", "CalledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_taxi_companies_RegistrationNumber",
                table: "taxi_companies",
                column: "RegistrationNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_company_staff_CompanyId_UserId",
                table: "taxi_company_staff",
                columns: new[] { "CompanyId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_company_staff_UserId",
                table: "taxi_company_staff",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_taxi_drivers_CompanyId",
                table: "taxi_drivers",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_taxi_drivers_LicenceNumber",
                table: "taxi_drivers",
                column: "LicenceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_drivers_OnDutySince",
                table: "taxi_drivers",
                column: "OnDutySince");

            migrationBuilder.CreateIndex(
                name: "IX_taxi_drivers_Plate",
                table: "taxi_drivers",
                column: "Plate",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_drivers_UserId",
                table: "taxi_drivers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_offers_CallId",
                table: "taxi_offers",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_taxi_offers_DriverId_OfferedAt",
                table: "taxi_offers",
                columns: new[] { "DriverId", "OfferedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "taxi_calls");

            migrationBuilder.DropTable(
                name: "taxi_companies");

            migrationBuilder.DropTable(
                name: "taxi_company_staff");

            migrationBuilder.DropTable(
                name: "taxi_drivers");

            migrationBuilder.DropTable(
                name: "taxi_offers");
        }
    }
}

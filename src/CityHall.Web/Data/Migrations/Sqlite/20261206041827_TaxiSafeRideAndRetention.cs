using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaxiSafeRideAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "taxi_drivers",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "RiderId",
                table: "taxi_calls",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<DateTime>(
                name: "DetailsForgottenAt",
                table: "taxi_calls",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SafeRideTexts",
                table: "taxi_calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_DetailsForgottenAt_CalledAt",
                table: "taxi_calls",
                columns: new[] { "DetailsForgottenAt", "CalledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_SafeRideTokenHash",
                table: "taxi_calls",
                column: "SafeRideTokenHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_taxi_calls_DetailsForgottenAt_CalledAt",
                table: "taxi_calls");

            migrationBuilder.DropIndex(
                name: "IX_taxi_calls_SafeRideTokenHash",
                table: "taxi_calls");

            migrationBuilder.DropColumn(
                name: "DetailsForgottenAt",
                table: "taxi_calls");

            migrationBuilder.DropColumn(
                name: "SafeRideTexts",
                table: "taxi_calls");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "taxi_drivers",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "RiderId",
                table: "taxi_calls",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaxiCallCentre : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CallbackPhone",
                table: "taxi_calls",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CentreHandledAt",
                table: "taxi_calls",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CentreHandledBy",
                table: "taxi_calls",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CentreOutcome",
                table: "taxi_calls",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HandedOverAt",
                table: "taxi_calls",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_HandedOverAt_CentreOutcome",
                table: "taxi_calls",
                columns: new[] { "HandedOverAt", "CentreOutcome" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_taxi_calls_HandedOverAt_CentreOutcome",
                table: "taxi_calls");

            migrationBuilder.DropColumn(
                name: "CallbackPhone",
                table: "taxi_calls");

            migrationBuilder.DropColumn(
                name: "CentreHandledAt",
                table: "taxi_calls");

            migrationBuilder.DropColumn(
                name: "CentreHandledBy",
                table: "taxi_calls");

            migrationBuilder.DropColumn(
                name: "CentreOutcome",
                table: "taxi_calls");

            migrationBuilder.DropColumn(
                name: "HandedOverAt",
                table: "taxi_calls");
        }
    }
}

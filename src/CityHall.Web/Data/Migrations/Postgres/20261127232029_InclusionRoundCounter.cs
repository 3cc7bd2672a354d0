using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InclusionRoundCounter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActiveApplications",
                table: "inclusion_programme_versions");

            migrationBuilder.AddColumn<int>(
                name: "RoundApplications",
                table: "inclusion_programmes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RoundOpensAt",
                table: "inclusion_programmes",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RoundApplications",
                table: "inclusion_programmes");

            migrationBuilder.DropColumn(
                name: "RoundOpensAt",
                table: "inclusion_programmes");

            migrationBuilder.AddColumn<int>(
                name: "ActiveApplications",
                table: "inclusion_programme_versions",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PetitionFraudReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientIp",
                table: "petition_signatures",
                type: "TEXT",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailDomain",
                table: "petition_signatures",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Flagged",
                table: "petition_signatures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InvalidatedAt",
                table: "petition_signatures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Flagged",
                table: "petition_petitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Flagged",
                table: "petition_comments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_petition_signatures_Flagged_PetitionId",
                table: "petition_signatures",
                columns: new[] { "Flagged", "PetitionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_petition_signatures_Flagged_PetitionId",
                table: "petition_signatures");

            migrationBuilder.DropColumn(
                name: "ClientIp",
                table: "petition_signatures");

            migrationBuilder.DropColumn(
                name: "EmailDomain",
                table: "petition_signatures");

            migrationBuilder.DropColumn(
                name: "Flagged",
                table: "petition_signatures");

            migrationBuilder.DropColumn(
                name: "InvalidatedAt",
                table: "petition_signatures");

            migrationBuilder.DropColumn(
                name: "Flagged",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "Flagged",
                table: "petition_comments");
        }
    }
}

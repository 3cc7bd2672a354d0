using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PetitionStages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnswerDueAt",
                table: "petition_petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerOutcome",
                table: "petition_petitions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerText",
                table: "petition_petitions",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnsweredAt",
                table: "petition_petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredBy",
                table: "petition_petitions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "petition_petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ForumClosesAt",
                table: "petition_petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ForumOpenedAt",
                table: "petition_petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ThresholdReachedAt",
                table: "petition_petitions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnswerDueAt",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "AnswerOutcome",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "AnswerText",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "AnsweredBy",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "ForumClosesAt",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "ForumOpenedAt",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "ThresholdReachedAt",
                table: "petition_petitions");
        }
    }
}

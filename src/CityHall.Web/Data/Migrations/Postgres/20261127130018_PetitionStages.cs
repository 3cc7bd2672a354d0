using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerOutcome",
                table: "petition_petitions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerText",
                table: "petition_petitions",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnsweredAt",
                table: "petition_petitions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredBy",
                table: "petition_petitions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "petition_petitions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ForumClosesAt",
                table: "petition_petitions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ForumOpenedAt",
                table: "petition_petitions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ThresholdReachedAt",
                table: "petition_petitions",
                type: "timestamp with time zone",
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

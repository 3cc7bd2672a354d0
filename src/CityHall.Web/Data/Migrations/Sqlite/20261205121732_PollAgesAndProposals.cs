using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PollAgesAndProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BirthYear",
                table: "identity_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BirthYear",
                table: "decision_voters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CitizenProposal",
                table: "decision_polls",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MaxAge",
                table: "decision_polls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinAge",
                table: "decision_polls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Moderation",
                table: "decision_polls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ModerationNote",
                table: "decision_polls",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedBy",
                table: "decision_polls",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_decision_polls_Moderation_Id",
                table: "decision_polls",
                columns: new[] { "Moderation", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_polls_ProposedBy",
                table: "decision_polls",
                column: "ProposedBy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_decision_polls_Moderation_Id",
                table: "decision_polls");

            migrationBuilder.DropIndex(
                name: "IX_decision_polls_ProposedBy",
                table: "decision_polls");

            migrationBuilder.DropColumn(
                name: "BirthYear",
                table: "identity_users");

            migrationBuilder.DropColumn(
                name: "BirthYear",
                table: "decision_voters");

            migrationBuilder.DropColumn(
                name: "CitizenProposal",
                table: "decision_polls");

            migrationBuilder.DropColumn(
                name: "MaxAge",
                table: "decision_polls");

            migrationBuilder.DropColumn(
                name: "MinAge",
                table: "decision_polls");

            migrationBuilder.DropColumn(
                name: "Moderation",
                table: "decision_polls");

            migrationBuilder.DropColumn(
                name: "ModerationNote",
                table: "decision_polls");

            migrationBuilder.DropColumn(
                name: "ProposedBy",
                table: "decision_polls");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VotersByAge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BirthYear",
                table: "identity_users",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BirthYear",
                table: "decision_voters",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxAge",
                table: "decision_polls",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinAge",
                table: "decision_polls",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BirthYear",
                table: "identity_users");

            migrationBuilder.DropColumn(
                name: "BirthYear",
                table: "decision_voters");

            migrationBuilder.DropColumn(
                name: "MaxAge",
                table: "decision_polls");

            migrationBuilder.DropColumn(
                name: "MinAge",
                table: "decision_polls");
        }
    }
}

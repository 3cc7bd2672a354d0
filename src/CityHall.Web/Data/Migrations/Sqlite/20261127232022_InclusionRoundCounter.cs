using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RoundOpensAt",
                table: "inclusion_programmes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }
    }
}

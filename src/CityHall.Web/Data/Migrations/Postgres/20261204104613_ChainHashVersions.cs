using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChainHashVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HashVersion",
                table: "petition_chain",
                type: "integer",
                nullable: false,
                defaultValue: 1); // entries written before this migration were hashed with scheme 1 (Platform/Integrity/HashChain)

            migrationBuilder.AddColumn<int>(
                name: "HashVersion",
                table: "audit_entries",
                type: "integer",
                nullable: false,
                defaultValue: 1); // entries written before this migration were hashed with scheme 1 (Platform/Integrity/HashChain)
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HashVersion",
                table: "petition_chain");

            migrationBuilder.DropColumn(
                name: "HashVersion",
                table: "audit_entries");
        }
    }
}

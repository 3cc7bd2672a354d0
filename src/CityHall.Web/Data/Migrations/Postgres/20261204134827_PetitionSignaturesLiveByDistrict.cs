using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PetitionSignaturesLiveByDistrict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_petition_signatures_live_by_district",
                table: "petition_signatures",
                columns: new[] { "PetitionId", "DistrictCode" },
                filter: "\"WithdrawnAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_petition_signatures_live_by_district",
                table: "petition_signatures");
        }
    }
}

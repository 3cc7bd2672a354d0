using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AwardJurorsOutliveAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_network_award_jurors_identity_users_UserId",
                table: "network_award_jurors");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "network_award_jurors",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(450)",
                oldMaxLength: 450);

            migrationBuilder.AddForeignKey(
                name: "FK_network_award_jurors_identity_users_UserId",
                table: "network_award_jurors",
                column: "UserId",
                principalTable: "identity_users",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_network_award_jurors_identity_users_UserId",
                table: "network_award_jurors");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "network_award_jurors",
                type: "character varying(450)",
                maxLength: 450,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(450)",
                oldMaxLength: 450,
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_network_award_jurors_identity_users_UserId",
                table: "network_award_jurors",
                column: "UserId",
                principalTable: "identity_users",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CityNetworkMous : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "network_mous",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_mous", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_mou_actions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MouId = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_mou_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_mou_actions_network_mous_MouId",
                        column: x => x.MouId,
                        principalTable: "network_mous",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_mou_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MouId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_mou_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_mou_documents_network_mous_MouId",
                        column: x => x.MouId,
                        principalTable: "network_mous",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_mou_parties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MouId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_mou_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_mou_parties_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_network_mou_parties_network_mous_MouId",
                        column: x => x.MouId,
                        principalTable: "network_mous",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_network_mou_actions_MouId_DueOn",
                table: "network_mou_actions",
                columns: new[] { "MouId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_network_mou_documents_MouId",
                table: "network_mou_documents",
                column: "MouId");

            migrationBuilder.CreateIndex(
                name: "IX_network_mou_parties_MemberId",
                table: "network_mou_parties",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_network_mou_parties_MouId",
                table: "network_mou_parties",
                column: "MouId");

            migrationBuilder.CreateIndex(
                name: "IX_network_mous_SignedOn",
                table: "network_mous",
                column: "SignedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_mou_actions");

            migrationBuilder.DropTable(
                name: "network_mou_documents");

            migrationBuilder.DropTable(
                name: "network_mou_parties");

            migrationBuilder.DropTable(
                name: "network_mous");
        }
    }
}

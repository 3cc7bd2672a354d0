using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Broadcasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "broadcast_channels",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NameKo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Medium = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Frequency = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LiveUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcast_channels", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "broadcast_programmes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChannelCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TitleKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DescriptionKo = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Hosts = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcast_programmes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_broadcast_programmes_broadcast_channels_ChannelCode",
                        column: x => x.ChannelCode,
                        principalTable: "broadcast_channels",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "broadcast_exceptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChannelCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProgrammeId = table.Column<long>(type: "bigint", nullable: true),
                    TitleKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OffAir = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcast_exceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_broadcast_exceptions_broadcast_channels_ChannelCode",
                        column: x => x.ChannelCode,
                        principalTable: "broadcast_channels",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_broadcast_exceptions_broadcast_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "broadcast_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "broadcast_slots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcast_slots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_broadcast_slots_broadcast_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "broadcast_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_broadcast_exceptions_ChannelCode_StartsAt",
                table: "broadcast_exceptions",
                columns: new[] { "ChannelCode", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_broadcast_exceptions_ProgrammeId",
                table: "broadcast_exceptions",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_broadcast_programmes_ChannelCode",
                table: "broadcast_programmes",
                column: "ChannelCode");

            migrationBuilder.CreateIndex(
                name: "IX_broadcast_slots_ProgrammeId",
                table: "broadcast_slots",
                column: "ProgrammeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "broadcast_exceptions");

            migrationBuilder.DropTable(
                name: "broadcast_slots");

            migrationBuilder.DropTable(
                name: "broadcast_programmes");

            migrationBuilder.DropTable(
                name: "broadcast_channels");
        }
    }
}

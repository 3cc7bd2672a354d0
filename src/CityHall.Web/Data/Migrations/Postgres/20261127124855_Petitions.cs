using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Petitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "petition_petitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AuthorId = table.Column<string>(type: "text", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RejectionReasonCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupportDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignatureCount = table.Column<int>(type: "integer", nullable: false),
                    ChainLength = table.Column<long>(type: "bigint", nullable: false),
                    ChainHead = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    TitleGramCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_petitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petition_petitions_identity_users_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "petition_chain",
                columns: table => new
                {
                    PetitionId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Commitment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_chain", x => new { x.PetitionId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_petition_chain_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_checkpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PetitionId = table.Column<long>(type: "bigint", nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    HeadHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Supports = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_checkpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petition_checkpoints_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_signatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PetitionId = table.Column<long>(type: "bigint", nullable: false),
                    Commitment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DistrictCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petition_signatures_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_petition_signatures_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_title_grams",
                columns: table => new
                {
                    PetitionId = table.Column<long>(type: "bigint", nullable: false),
                    Gram = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_title_grams", x => new { x.Gram, x.PetitionId });
                    table.ForeignKey(
                        name: "FK_petition_title_grams_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_petition_checkpoints_PetitionId_Length",
                table: "petition_checkpoints",
                columns: new[] { "PetitionId", "Length" });

            migrationBuilder.CreateIndex(
                name: "IX_petition_petitions_AuthorId",
                table: "petition_petitions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_petition_petitions_Status_Id",
                table: "petition_petitions",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_petition_signatures_Commitment_PetitionId",
                table: "petition_signatures",
                columns: new[] { "Commitment", "PetitionId" },
                unique: true,
                filter: "\"WithdrawnAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_petition_signatures_PetitionId",
                table: "petition_signatures",
                column: "PetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_petition_signatures_UserId_PetitionId",
                table: "petition_signatures",
                columns: new[] { "UserId", "PetitionId" });

            migrationBuilder.CreateIndex(
                name: "IX_petition_title_grams_PetitionId",
                table: "petition_title_grams",
                column: "PetitionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "petition_chain");

            migrationBuilder.DropTable(
                name: "petition_checkpoints");

            migrationBuilder.DropTable(
                name: "petition_signatures");

            migrationBuilder.DropTable(
                name: "petition_title_grams");

            migrationBuilder.DropTable(
                name: "petition_petitions");
        }
    }
}

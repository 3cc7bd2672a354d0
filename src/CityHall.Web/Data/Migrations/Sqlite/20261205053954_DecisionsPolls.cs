using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionsPolls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "decision_polls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DescriptionKo = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MinChoices = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxChoices = table.Column<int>(type: "INTEGER", nullable: false),
                    Results = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedEarlyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Districts = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    VoterCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainLength = table.Column<long>(type: "INTEGER", nullable: false),
                    ChainHead = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_polls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "decision_ballots",
                columns: table => new
                {
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HashVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_ballots", x => new { x.PollId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_decision_ballots_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_poll_options",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    LabelKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LabelEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Votes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_poll_options", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_poll_options_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_voters",
                columns: table => new
                {
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    VotedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_voters", x => new { x.PollId, x.Commitment });
                    table.ForeignKey(
                        name: "FK_decision_voters_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_decision_poll_options_PollId_Position",
                table: "decision_poll_options",
                columns: new[] { "PollId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decision_polls_PublishedAt_ClosesAt",
                table: "decision_polls",
                columns: new[] { "PublishedAt", "ClosesAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_ballots");

            migrationBuilder.DropTable(
                name: "decision_poll_options");

            migrationBuilder.DropTable(
                name: "decision_voters");

            migrationBuilder.DropTable(
                name: "decision_polls");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionsForCitizens : Migration
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

            migrationBuilder.AddColumn<bool>(
                name: "IsOther",
                table: "decision_poll_options",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "decision_checkpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    HeadHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Voters = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_checkpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_checkpoints_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_option_images",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    OptionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    AltText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_option_images", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_option_images_decision_poll_options_OptionId",
                        column: x => x.OptionId,
                        principalTable: "decision_poll_options",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_other_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Moderation = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_other_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_other_answers_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_decision_polls_Moderation_Id",
                table: "decision_polls",
                columns: new[] { "Moderation", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_polls_ProposedBy",
                table: "decision_polls",
                column: "ProposedBy");

            migrationBuilder.CreateIndex(
                name: "IX_decision_checkpoints_PollId_Length",
                table: "decision_checkpoints",
                columns: new[] { "PollId", "Length" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_option_images_OptionId",
                table: "decision_option_images",
                column: "OptionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decision_option_images_PollId",
                table: "decision_option_images",
                column: "PollId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_other_answers_Moderation_Id",
                table: "decision_other_answers",
                columns: new[] { "Moderation", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_other_answers_PollId_Commitment",
                table: "decision_other_answers",
                columns: new[] { "PollId", "Commitment" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_checkpoints");

            migrationBuilder.DropTable(
                name: "decision_option_images");

            migrationBuilder.DropTable(
                name: "decision_other_answers");

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

            migrationBuilder.DropColumn(
                name: "IsOther",
                table: "decision_poll_options");
        }
    }
}

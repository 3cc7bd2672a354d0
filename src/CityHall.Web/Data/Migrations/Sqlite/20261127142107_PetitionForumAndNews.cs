using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PetitionForumAndNews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ForumClosed",
                table: "petition_petitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ForumParticipants",
                table: "petition_petitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastNotifiedAt",
                table: "petition_petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MayorAnswerDueAt",
                table: "petition_petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MayorAnswerOutcome",
                table: "petition_petitions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MayorAnswerText",
                table: "petition_petitions",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MayorAnsweredAt",
                table: "petition_petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MayorAnsweredBy",
                table: "petition_petitions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MayorThresholdReachedAt",
                table: "petition_petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NotifiedThroughEventId",
                table: "petition_petitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "petition_comment_blocks",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BlockedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    BlockedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_comment_blocks", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_petition_comment_blocks_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PetitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<long>(type: "INTEGER", nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    InForum = table.Column<bool>(type: "INTEGER", nullable: false),
                    Stance = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenReports = table.Column<int>(type: "INTEGER", nullable: false),
                    ModeratedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ModeratedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petition_comments_identity_users_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_petition_comments_petition_comments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "petition_comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_petition_comments_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PetitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petition_events_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_follow_ups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PetitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    PostedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_follow_ups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petition_follow_ups_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_forum_votes",
                columns: table => new
                {
                    PetitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CastAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_forum_votes", x => new { x.PetitionId, x.Commitment });
                    table.ForeignKey(
                        name: "FK_petition_forum_votes_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_petition_forum_votes_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_comment_reports",
                columns: table => new
                {
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_comment_reports", x => new { x.CommentId, x.UserId });
                    table.ForeignKey(
                        name: "FK_petition_comment_reports_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_petition_comment_reports_petition_comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "petition_comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_petition_comment_reports_UserId",
                table: "petition_comment_reports",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_petition_comments_AuthorId",
                table: "petition_comments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_petition_comments_ParentId",
                table: "petition_comments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_petition_comments_PetitionId_Id",
                table: "petition_comments",
                columns: new[] { "PetitionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_petition_comments_State_OpenReports",
                table: "petition_comments",
                columns: new[] { "State", "OpenReports" });

            migrationBuilder.CreateIndex(
                name: "IX_petition_events_PetitionId_Id",
                table: "petition_events",
                columns: new[] { "PetitionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_petition_follow_ups_PetitionId_Id",
                table: "petition_follow_ups",
                columns: new[] { "PetitionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_petition_forum_votes_UserId_PetitionId",
                table: "petition_forum_votes",
                columns: new[] { "UserId", "PetitionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "petition_comment_blocks");

            migrationBuilder.DropTable(
                name: "petition_comment_reports");

            migrationBuilder.DropTable(
                name: "petition_events");

            migrationBuilder.DropTable(
                name: "petition_follow_ups");

            migrationBuilder.DropTable(
                name: "petition_forum_votes");

            migrationBuilder.DropTable(
                name: "petition_comments");

            migrationBuilder.DropColumn(
                name: "ForumClosed",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "ForumParticipants",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "LastNotifiedAt",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "MayorAnswerDueAt",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "MayorAnswerOutcome",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "MayorAnswerText",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "MayorAnsweredAt",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "MayorAnsweredBy",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "MayorThresholdReachedAt",
                table: "petition_petitions");

            migrationBuilder.DropColumn(
                name: "NotifiedThroughEventId",
                table: "petition_petitions");
        }
    }
}

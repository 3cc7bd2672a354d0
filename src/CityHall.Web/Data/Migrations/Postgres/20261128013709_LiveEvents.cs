using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LiveEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "live_banned_participants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SenderKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SenderLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    BannedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BannedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_banned_participants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "live_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TitleKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DescriptionKo = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StreamKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StreamUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CaptionsUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AskPolicy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SmsNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Hashtag = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HoldKeywords = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordingUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    WentLiveAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OnStageQuestionId = table.Column<long>(type: "bigint", nullable: true),
                    PeakPc = table.Column<int>(type: "integer", nullable: false),
                    PeakMobile = table.Column<int>(type: "integer", nullable: false),
                    PeakTotal = table.Column<int>(type: "integer", nullable: false),
                    PeakAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TotalPc = table.Column<int>(type: "integer", nullable: false),
                    TotalMobile = table.Column<int>(type: "integer", nullable: false),
                    MastodonMinId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "live_questions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SenderKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SenderLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Text = table.Column<string>(type: "character varying(310)", maxLength: 310, nullable: false),
                    OriginalText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HeldFor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MergedIntoId = table.Column<long>(type: "bigint", nullable: true),
                    Supports = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OnStageAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_live_questions_live_events_EventId",
                        column: x => x.EventId,
                        principalTable: "live_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "live_question_supports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionId = table.Column<long>(type: "bigint", nullable: false),
                    SupporterKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SupportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_question_supports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_live_question_supports_live_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "live_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_live_banned_participants_SenderKey",
                table: "live_banned_participants",
                column: "SenderKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_live_events_SmsNumber",
                table: "live_events",
                column: "SmsNumber");

            migrationBuilder.CreateIndex(
                name: "IX_live_events_State_StartsAt",
                table: "live_events",
                columns: new[] { "State", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_live_question_supports_QuestionId_SupporterKey",
                table: "live_question_supports",
                columns: new[] { "QuestionId", "SupporterKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_live_questions_Channel_ExternalId",
                table: "live_questions",
                columns: new[] { "Channel", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_live_questions_EventId_Id",
                table: "live_questions",
                columns: new[] { "EventId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_live_questions_EventId_State_Supports",
                table: "live_questions",
                columns: new[] { "EventId", "State", "Supports" });

            migrationBuilder.CreateIndex(
                name: "IX_live_questions_SenderKey",
                table: "live_questions",
                column: "SenderKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "live_banned_participants");

            migrationBuilder.DropTable(
                name: "live_question_supports");

            migrationBuilder.DropTable(
                name: "live_questions");

            migrationBuilder.DropTable(
                name: "live_events");
        }
    }
}

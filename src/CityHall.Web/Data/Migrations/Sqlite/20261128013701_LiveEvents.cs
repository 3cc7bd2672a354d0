using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SenderKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SenderLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BannedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BannedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_banned_participants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "live_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DescriptionKo = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StreamKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StreamUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CaptionsUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AskPolicy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SmsNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Hashtag = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HoldKeywords = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordingUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WentLiveAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OnStageQuestionId = table.Column<long>(type: "INTEGER", nullable: true),
                    PeakPc = table.Column<int>(type: "INTEGER", nullable: false),
                    PeakMobile = table.Column<int>(type: "INTEGER", nullable: false),
                    PeakTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    PeakAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TotalPc = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalMobile = table.Column<int>(type: "INTEGER", nullable: false),
                    MastodonMinId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "live_questions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SenderKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SenderLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 310, nullable: false),
                    OriginalText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HeldFor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MergedIntoId = table.Column<long>(type: "INTEGER", nullable: true),
                    Supports = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OnStageAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<long>(type: "INTEGER", nullable: false),
                    SupporterKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SupportedAt = table.Column<long>(type: "INTEGER", nullable: false)
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

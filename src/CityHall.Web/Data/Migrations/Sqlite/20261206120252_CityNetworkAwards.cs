using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CityNetworkAwards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "network_award_editions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeadlineAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScaleMax = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Round1ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Round2ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnnouncedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_award_editions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_award_categories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ShortlistSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Winners = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_award_categories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_award_categories_network_award_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "network_award_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_award_criteria",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_award_criteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_award_criteria_network_award_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "network_award_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_award_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EditionId = table.Column<long>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicantUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ApplicantType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    CityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    VendorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    CityApproval = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CityApprovalType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CityApprovalSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScreeningReasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ScreenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScreenedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Round1Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    Round2Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    Round1Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Round2Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_award_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_award_entries_identity_users_ApplicantUserId",
                        column: x => x.ApplicantUserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_network_award_entries_network_award_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "network_award_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_network_award_entries_network_award_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "network_award_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_award_entries_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "network_award_jurors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<long>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_award_jurors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_award_jurors_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_award_jurors_network_award_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "network_award_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_network_award_jurors_network_award_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "network_award_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_award_jurors_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "network_award_questions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<long>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: true),
                    ApplicantType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Prompt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PromptKo = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    MaxLength = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_award_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_award_questions_network_award_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "network_award_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_award_questions_network_award_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "network_award_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_award_tie_breaks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<long>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Chosen = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_award_tie_breaks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_award_tie_breaks_network_award_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "network_award_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_award_tie_breaks_network_award_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "network_award_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_award_entry_slots",
                columns: table => new
                {
                    EditionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicantKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_award_entry_slots", x => new { x.EditionId, x.ApplicantKey, x.Slot });
                    table.ForeignKey(
                        name: "FK_network_award_entry_slots_network_award_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "network_award_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_award_conflicts",
                columns: table => new
                {
                    JurorId = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_award_conflicts", x => new { x.JurorId, x.EntryId });
                    table.ForeignKey(
                        name: "FK_network_award_conflicts_network_award_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "network_award_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_award_conflicts_network_award_jurors_JurorId",
                        column: x => x.JurorId,
                        principalTable: "network_award_jurors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_award_scores",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    JurorId = table.Column<long>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_award_scores", x => new { x.EntryId, x.JurorId, x.Round, x.CriterionId });
                    table.ForeignKey(
                        name: "FK_network_award_scores_network_award_criteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "network_award_criteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_award_scores_network_award_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "network_award_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_award_scores_network_award_jurors_JurorId",
                        column: x => x.JurorId,
                        principalTable: "network_award_jurors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_network_award_categories_EditionId",
                table: "network_award_categories",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_conflicts_EntryId",
                table: "network_award_conflicts",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_criteria_EditionId_Code",
                table: "network_award_criteria",
                columns: new[] { "EditionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_award_editions_Year",
                table: "network_award_editions",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_entries_ApplicantUserId",
                table: "network_award_entries",
                column: "ApplicantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_entries_CategoryId",
                table: "network_award_entries",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_entries_EditionId_CategoryId_Status",
                table: "network_award_entries",
                columns: new[] { "EditionId", "CategoryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_network_award_entries_MemberId",
                table: "network_award_entries",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_entries_Reference",
                table: "network_award_entries",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_award_entry_slots_EntryId",
                table: "network_award_entry_slots",
                column: "EntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_award_jurors_CategoryId_UserId",
                table: "network_award_jurors",
                columns: new[] { "CategoryId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_award_jurors_EditionId",
                table: "network_award_jurors",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_jurors_MemberId",
                table: "network_award_jurors",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_jurors_UserId",
                table: "network_award_jurors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_questions_CategoryId",
                table: "network_award_questions",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_questions_EditionId",
                table: "network_award_questions",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_scores_CriterionId",
                table: "network_award_scores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_scores_JurorId_Round",
                table: "network_award_scores",
                columns: new[] { "JurorId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_network_award_tie_breaks_CategoryId",
                table: "network_award_tie_breaks",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_network_award_tie_breaks_EditionId",
                table: "network_award_tie_breaks",
                column: "EditionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_award_conflicts");

            migrationBuilder.DropTable(
                name: "network_award_entry_slots");

            migrationBuilder.DropTable(
                name: "network_award_questions");

            migrationBuilder.DropTable(
                name: "network_award_scores");

            migrationBuilder.DropTable(
                name: "network_award_tie_breaks");

            migrationBuilder.DropTable(
                name: "network_award_criteria");

            migrationBuilder.DropTable(
                name: "network_award_entries");

            migrationBuilder.DropTable(
                name: "network_award_jurors");

            migrationBuilder.DropTable(
                name: "network_award_categories");

            migrationBuilder.DropTable(
                name: "network_award_editions");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CityNetworkMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "network_meetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LocalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LocalNameLanguage = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HostsRegionalOffice = table.Column<bool>(type: "INTEGER", nullable: false),
                    Population = table.Column<long>(type: "INTEGER", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    About = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FullSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 401, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_applications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ApplicantUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LocalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LocalNameLanguage = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Population = table.Column<long>(type: "INTEGER", nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactPosition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Motivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Letter = table.Column<byte[]>(type: "BLOB", nullable: false),
                    LetterContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LetterSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_applications_identity_users_ApplicantUserId",
                        column: x => x.ApplicantUserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_network_applications_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "network_committee_seats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_committee_seats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_committee_seats_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SubjectMemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    VotesFor = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: false),
                    Abstentions = table.Column<int>(type: "INTEGER", nullable: false),
                    Electorate = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_decisions_network_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "network_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_decisions_network_members_SubjectMemberId",
                        column: x => x.SubjectMemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "network_fee_payments",
                columns: table => new
                {
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_fee_payments", x => new { x.MemberId, x.Year });
                    table.ForeignKey(
                        name: "FK_network_fee_payments_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_member_contacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_member_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_member_contacts_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_member_logos",
                columns: table => new
                {
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    AltText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_member_logos", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_network_member_logos_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_member_representatives",
                columns: table => new
                {
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_member_representatives", x => new { x.MemberId, x.UserId });
                    table.ForeignKey(
                        name: "FK_network_member_representatives_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_member_representatives_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_decision_votes",
                columns: table => new
                {
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_decision_votes", x => new { x.DecisionId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_network_decision_votes_network_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "network_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_decision_votes_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_network_applications_ApplicantUserId",
                table: "network_applications",
                column: "ApplicantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_network_applications_MemberId",
                table: "network_applications",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_network_applications_Reference",
                table: "network_applications",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_applications_Status_SubmittedAt",
                table: "network_applications",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_network_committee_seats_MemberId",
                table: "network_committee_seats",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_network_committee_seats_TermStart_TermEnd",
                table: "network_committee_seats",
                columns: new[] { "TermStart", "TermEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_network_decision_votes_MemberId",
                table: "network_decision_votes",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_network_decisions_MeetingId",
                table: "network_decisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_network_decisions_SubjectMemberId",
                table: "network_decisions",
                column: "SubjectMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_network_meetings_Body_HeldOn",
                table: "network_meetings",
                columns: new[] { "Body", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_network_member_contacts_MemberId",
                table: "network_member_contacts",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_network_member_representatives_UserId",
                table: "network_member_representatives",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_network_members_CountryCode",
                table: "network_members",
                column: "CountryCode");

            migrationBuilder.CreateIndex(
                name: "IX_network_members_Status_RegionCode_Type",
                table: "network_members",
                columns: new[] { "Status", "RegionCode", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_applications");

            migrationBuilder.DropTable(
                name: "network_committee_seats");

            migrationBuilder.DropTable(
                name: "network_decision_votes");

            migrationBuilder.DropTable(
                name: "network_fee_payments");

            migrationBuilder.DropTable(
                name: "network_member_contacts");

            migrationBuilder.DropTable(
                name: "network_member_logos");

            migrationBuilder.DropTable(
                name: "network_member_representatives");

            migrationBuilder.DropTable(
                name: "network_decisions");

            migrationBuilder.DropTable(
                name: "network_meetings");

            migrationBuilder.DropTable(
                name: "network_members");
        }
    }
}

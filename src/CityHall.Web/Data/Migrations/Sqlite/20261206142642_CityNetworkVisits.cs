using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CityNetworkVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "network_visit_sites",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Host = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_visit_sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_visits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequesterUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    WishedSiteIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Wishes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PreferredFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreferredTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InterpreterLanguage = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Visitors = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_visits_identity_users_RequesterUserId",
                        column: x => x.RequesterUserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_network_visits_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "network_visit_feedback",
                columns: table => new
                {
                    VisitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Overall = table.Column<int>(type: "INTEGER", nullable: false),
                    Programme = table.Column<int>(type: "INTEGER", nullable: false),
                    Organisation = table.Column<int>(type: "INTEGER", nullable: false),
                    Interpretation = table.Column<int>(type: "INTEGER", nullable: true),
                    WouldRecommend = table.Column<bool>(type: "INTEGER", nullable: false),
                    Adopting = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Comments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_visit_feedback", x => x.VisitId);
                    table.ForeignKey(
                        name: "FK_network_visit_feedback_network_visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "network_visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_visit_sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<long>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<long>(type: "INTEGER", nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_visit_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_visit_sessions_network_visit_sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "network_visit_sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_network_visit_sessions_network_visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "network_visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_network_visit_sessions_SiteId_StartsAt",
                table: "network_visit_sessions",
                columns: new[] { "SiteId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_network_visit_sessions_VisitId_StartsAt",
                table: "network_visit_sessions",
                columns: new[] { "VisitId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_network_visits_MemberId",
                table: "network_visits",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_network_visits_Reference",
                table: "network_visits",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_visits_RequesterUserId",
                table: "network_visits",
                column: "RequesterUserId");

            migrationBuilder.CreateIndex(
                name: "IX_network_visits_Status_HeldOn",
                table: "network_visits",
                columns: new[] { "Status", "HeldOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_visit_feedback");

            migrationBuilder.DropTable(
                name: "network_visit_sessions");

            migrationBuilder.DropTable(
                name: "network_visit_sites");

            migrationBuilder.DropTable(
                name: "network_visits");
        }
    }
}

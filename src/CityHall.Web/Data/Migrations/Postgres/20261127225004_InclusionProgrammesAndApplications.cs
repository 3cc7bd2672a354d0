using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InclusionProgrammesAndApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inclusion_programmes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Fulfilment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    Listed = table.Column<bool>(type: "boolean", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_applications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProgrammeId = table.Column<long>(type: "bigint", nullable: false),
                    ProgrammeVersion = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ApplicantUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ApplicantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ApplicantPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    HouseholdKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Pool = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Answers = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RuleVersion = table.Column<int>(type: "integer", nullable: true),
                    FailedRuleId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    RespondBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_applications_inclusion_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "inclusion_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_programme_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    NameKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SummaryKo = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SummaryEn = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Quota = table.Column<int>(type: "integer", nullable: false),
                    ApplicationLimit = table.Column<int>(type: "integer", nullable: true),
                    ActiveApplications = table.Column<int>(type: "integer", nullable: false),
                    PoolBasis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Pools = table.Column<string>(type: "text", nullable: false),
                    CoPaymentPercent = table.Column<int>(type: "integer", nullable: true),
                    ItemPrice = table.Column<int>(type: "integer", nullable: true),
                    CoPaymentDays = table.Column<int>(type: "integer", nullable: false),
                    OfferDays = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    Rules = table.Column<string>(type: "text", nullable: false),
                    AlsoAsk = table.Column<string>(type: "text", nullable: false),
                    Selection = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Criteria = table.Column<string>(type: "text", nullable: false),
                    ReGrantExclusionMonths = table.Column<int>(type: "integer", nullable: false),
                    HouseholdLimit = table.Column<int>(type: "integer", nullable: false),
                    DetailsQuestionKo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DetailsQuestionEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_programme_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_programme_versions_inclusion_programmes_Programme~",
                        column: x => x.ProgrammeId,
                        principalTable: "inclusion_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_application_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    EvidenceCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_application_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_application_documents_inclusion_applications_Appl~",
                        column: x => x.ApplicationId,
                        principalTable: "inclusion_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_application_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    From = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    To = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RuleVersion = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_application_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_application_events_inclusion_applications_Applica~",
                        column: x => x.ApplicationId,
                        principalTable: "inclusion_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_household_claims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Slot = table.Column<int>(type: "integer", nullable: false),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ServedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_household_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_household_claims_inclusion_applications_Applicati~",
                        column: x => x.ApplicationId,
                        principalTable: "inclusion_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_inclusion_household_claims_inclusion_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "inclusion_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_application_documents_ApplicationId",
                table: "inclusion_application_documents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_application_events_ApplicationId",
                table: "inclusion_application_events",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_applications_ApplicantUserId_ProgrammeId",
                table: "inclusion_applications",
                columns: new[] { "ApplicantUserId", "ProgrammeId" });

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_applications_HouseholdKey",
                table: "inclusion_applications",
                column: "HouseholdKey");

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_applications_ProgrammeId_State_SubmittedAt",
                table: "inclusion_applications",
                columns: new[] { "ProgrammeId", "State", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_applications_Reference",
                table: "inclusion_applications",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_household_claims_ApplicationId",
                table: "inclusion_household_claims",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_household_claims_ProgrammeId_HouseholdKey_Slot",
                table: "inclusion_household_claims",
                columns: new[] { "ProgrammeId", "HouseholdKey", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_programme_versions_ProgrammeId_Version",
                table: "inclusion_programme_versions",
                columns: new[] { "ProgrammeId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_programmes_Code",
                table: "inclusion_programmes",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inclusion_application_documents");

            migrationBuilder.DropTable(
                name: "inclusion_application_events");

            migrationBuilder.DropTable(
                name: "inclusion_household_claims");

            migrationBuilder.DropTable(
                name: "inclusion_programme_versions");

            migrationBuilder.DropTable(
                name: "inclusion_applications");

            migrationBuilder.DropTable(
                name: "inclusion_programmes");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InclusionProgrammes : Migration
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
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RoundOpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RoundApplications = table.Column<int>(type: "integer", nullable: false)
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
                    SelectionRunId = table.Column<long>(type: "bigint", nullable: true),
                    QueuePosition = table.Column<int>(type: "integer", nullable: true),
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
                name: "inclusion_appointment_slots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<long>(type: "bigint", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Booked = table.Column<int>(type: "integer", nullable: false),
                    Staffer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Modes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_appointment_slots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_appointment_slots_inclusion_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "inclusion_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_classes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<long>(type: "bigint", nullable: false),
                    TitleKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Site = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Booked = table.Column<int>(type: "integer", nullable: false),
                    Instructor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Supporter = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CompletionSessions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_classes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_classes_inclusion_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "inclusion_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                    ServiceLevelDays = table.Column<int>(type: "integer", nullable: true),
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
                name: "inclusion_selection_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<long>(type: "bigint", nullable: false),
                    ProgrammeVersion = table.Column<int>(type: "integer", nullable: false),
                    Method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Seed = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RunAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RunBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Entrants = table.Column<string>(type: "text", nullable: false),
                    Results = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_selection_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_selection_runs_inclusion_programmes_ProgrammeId",
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
                name: "inclusion_fulfilments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Supplier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Item = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SerialNumber = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Installed = table.Column<bool>(type: "boolean", nullable: false),
                    Trained = table.Column<bool>(type: "boolean", nullable: false),
                    ReceiptSignedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Deposit = table.Column<int>(type: "integer", nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReminderSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnCondition = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LicenceCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FulfilledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SurveyScore = table.Column<int>(type: "integer", nullable: true),
                    SurveyComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SurveyAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_fulfilments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_fulfilments_inclusion_applications_ApplicationId",
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

            migrationBuilder.CreateTable(
                name: "inclusion_panel_scores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Scores = table.Column<string>(type: "text", nullable: false),
                    Conflict = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_panel_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_panel_scores_inclusion_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "inclusion_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_appointments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SlotId = table.Column<long>(type: "bigint", nullable: false),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BookedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_appointments_inclusion_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "inclusion_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_inclusion_appointments_inclusion_appointment_slots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "inclusion_appointment_slots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_class_seats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClassId = table.Column<long>(type: "bigint", nullable: false),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    BookedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_class_seats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_class_seats_inclusion_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "inclusion_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_inclusion_class_seats_inclusion_classes_ClassId",
                        column: x => x.ClassId,
                        principalTable: "inclusion_classes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_class_sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClassId = table.Column<long>(type: "bigint", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_class_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_class_sessions_inclusion_classes_ClassId",
                        column: x => x.ClassId,
                        principalTable: "inclusion_classes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_attendance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_attendance_inclusion_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "inclusion_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_inclusion_attendance_inclusion_class_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "inclusion_class_sessions",
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
                name: "IX_inclusion_applications_State_RespondBy",
                table: "inclusion_applications",
                columns: new[] { "State", "RespondBy" });

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_appointment_slots_ProgrammeId_StartsAt",
                table: "inclusion_appointment_slots",
                columns: new[] { "ProgrammeId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_appointments_ApplicationId",
                table: "inclusion_appointments",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_appointments_SlotId",
                table: "inclusion_appointments",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_attendance_ApplicationId",
                table: "inclusion_attendance",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_attendance_SessionId_ApplicationId",
                table: "inclusion_attendance",
                columns: new[] { "SessionId", "ApplicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_class_seats_ApplicationId",
                table: "inclusion_class_seats",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_class_seats_ClassId",
                table: "inclusion_class_seats",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_class_sessions_ClassId",
                table: "inclusion_class_sessions",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_classes_ProgrammeId",
                table: "inclusion_classes",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_fulfilments_ApplicationId",
                table: "inclusion_fulfilments",
                column: "ApplicationId",
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
                name: "IX_inclusion_panel_scores_ApplicationId_MemberId",
                table: "inclusion_panel_scores",
                columns: new[] { "ApplicationId", "MemberId" },
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

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_selection_runs_ProgrammeId",
                table: "inclusion_selection_runs",
                column: "ProgrammeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inclusion_application_documents");

            migrationBuilder.DropTable(
                name: "inclusion_application_events");

            migrationBuilder.DropTable(
                name: "inclusion_appointments");

            migrationBuilder.DropTable(
                name: "inclusion_attendance");

            migrationBuilder.DropTable(
                name: "inclusion_class_seats");

            migrationBuilder.DropTable(
                name: "inclusion_fulfilments");

            migrationBuilder.DropTable(
                name: "inclusion_household_claims");

            migrationBuilder.DropTable(
                name: "inclusion_panel_scores");

            migrationBuilder.DropTable(
                name: "inclusion_programme_versions");

            migrationBuilder.DropTable(
                name: "inclusion_selection_runs");

            migrationBuilder.DropTable(
                name: "inclusion_appointment_slots");

            migrationBuilder.DropTable(
                name: "inclusion_class_sessions");

            migrationBuilder.DropTable(
                name: "inclusion_applications");

            migrationBuilder.DropTable(
                name: "inclusion_classes");

            migrationBuilder.DropTable(
                name: "inclusion_programmes");
        }
    }
}

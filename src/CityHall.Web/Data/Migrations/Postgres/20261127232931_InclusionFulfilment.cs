using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InclusionFulfilment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ServiceLevelDays",
                table: "inclusion_programme_versions",
                type: "integer",
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inclusion_appointments");

            migrationBuilder.DropTable(
                name: "inclusion_attendance");

            migrationBuilder.DropTable(
                name: "inclusion_class_seats");

            migrationBuilder.DropTable(
                name: "inclusion_fulfilments");

            migrationBuilder.DropTable(
                name: "inclusion_appointment_slots");

            migrationBuilder.DropTable(
                name: "inclusion_class_sessions");

            migrationBuilder.DropTable(
                name: "inclusion_classes");

            migrationBuilder.DropColumn(
                name: "ServiceLevelDays",
                table: "inclusion_programme_versions");
        }
    }
}

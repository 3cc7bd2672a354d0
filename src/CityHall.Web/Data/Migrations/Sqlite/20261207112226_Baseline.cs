using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The schema as it stood on 7 December 2026, before the first release: every migration since 27 November squashed
    /// into one (see docs/operations.md, "Migrations"; squashed twice, the first ten days' on 6 December, that baseline
    /// and the 16 after it on 7 December). A database built by them is adopted by
    /// <see cref="CityHall.Web.Platform.Hosting.SquashedMigrations"/> instead of being migrated again. Every later change
    /// is its own expand/contract migration.
    /// The search's FTS5 table and the triggers that keep it in step with search_entries are not part of the EF model:
    /// their SQL is at the end of Up.
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HashVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "broadcast_channels",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Medium = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LiveUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcast_channels", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "cctv_recorders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IntervalSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    KeyIssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PreviousKeyProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PreviousKeyUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastBatchAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cctv_recorders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "city_departments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_city_departments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "city_districts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_city_districts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "city_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_city_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "decision_budgets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DescriptionKo = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Style = table.Column<int>(type: "INTEGER", nullable: false),
                    MinSharePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxProjects = table.Column<int>(type: "INTEGER", nullable: false),
                    IdeasFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    SupportsFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    BallotFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ResultsFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ExecutionFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BallotsPreparedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "decision_polls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DescriptionKo = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MinChoices = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxChoices = table.Column<int>(type: "INTEGER", nullable: false),
                    Results = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedEarlyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Districts = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ForGroup = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinAge = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxAge = table.Column<int>(type: "INTEGER", nullable: true),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    BudgetHeadingId = table.Column<long>(type: "INTEGER", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true),
                    MinAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    VoterCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainLength = table.Column<long>(type: "INTEGER", nullable: false),
                    ChainHead = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Moderation = table.Column<int>(type: "INTEGER", nullable: false),
                    ModerationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CitizenProposal = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_polls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "developer_demo_days",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_demo_days", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "developer_keys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AppName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequestsPerMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    PreviousUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RotatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "developer_mentoring_sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Resident = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Mentor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_mentoring_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "developer_showcase_apps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Maker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SummaryKo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Datasets = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Resident = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_showcase_apps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "identity_roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "identity_users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PreferredCulture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PrefersLargeText = table.Column<bool>(type: "INTEGER", nullable: false),
                    PrefersHighContrast = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotifyByEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotifyBySms = table.Column<bool>(type: "INTEGER", nullable: false),
                    VerifiedIdentityHash = table.Column<string>(type: "TEXT", maxLength: 88, nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LastTotpStep = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_programmes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Fulfilment = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Listed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RoundOpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RoundApplications = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_programmes", x => x.Id);
                });

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
                name: "network_mous",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_mous", x => x.Id);
                });

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
                name: "news_notice_numbers",
                columns: table => new
                {
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_notice_numbers", x => new { x.DepartmentCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "news_posts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Districts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    BodyKo = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: true),
                    PublishAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CorrectsId = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NoticeYear = table.Column<int>(type: "INTEGER", nullable: true),
                    NoticeNumber = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_posts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_news_posts_news_posts_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "news_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notify_in_app",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notify_in_app", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notify_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    NextAttemptAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    GaveUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notify_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "place_import_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KindCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Encoding = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Read = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SkipsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_place_import_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "place_kinds",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_place_kinds", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "platform_data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "portal_pages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyKo = table.Column<string>(type: "TEXT", nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portal_pages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "search_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    KindKey = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TextKo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TitleTerms = table.Column<string>(type: "TEXT", nullable: false),
                    BodyTerms = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 44, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "search_generation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_generation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "service_definitions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DescriptionKo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DeadlineUnit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DeadlineAmount = table.Column<int>(type: "INTEGER", nullable: false),
                    DeadlineExtendable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_definitions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "service_reply_templates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_reply_templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "taxi_calls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PickupLatitude = table.Column<double>(type: "REAL", nullable: false),
                    PickupLongitude = table.Column<double>(type: "REAL", nullable: false),
                    PickupAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PickupDistrict = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DestinationLatitude = table.Column<double>(type: "REAL", nullable: true),
                    DestinationLongitude = table.Column<double>(type: "REAL", nullable: true),
                    DestinationAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Needs = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SearchRadiusMeters = table.Column<double>(type: "REAL", nullable: false),
                    EstimatedPickupSeconds = table.Column<double>(type: "REAL", nullable: true),
                    CalledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstOfferAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NoCarSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArrivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PickedUpAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DriverId = table.Column<long>(type: "INTEGER", nullable: true),
                    Fare = table.Column<long>(type: "INTEGER", nullable: true),
                    CancellationFee = table.Column<long>(type: "INTEGER", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SafeRideTokenHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    SafeRideSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SafeRideTexts = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemCase = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DetailsForgottenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandedOverAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CallbackPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CentreOutcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CentreHandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CentreHandledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxi_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "taxi_companies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxi_companies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "taxi_company_staff",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxi_company_staff", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "taxi_drivers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LicenceNumber = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CarModel = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Features = table.Column<int>(type: "INTEGER", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Photo = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PhotoType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OnDutySince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PausedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RatingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RatingSum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxi_drivers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "taxi_offers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<long>(type: "INTEGER", nullable: false),
                    DriverId = table.Column<long>(type: "INTEGER", nullable: false),
                    OfferedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PickupSeconds = table.Column<double>(type: "REAL", nullable: false),
                    Meters = table.Column<double>(type: "REAL", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxi_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "transparency_budget_years",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CityTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transparency_budget_years", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "broadcast_programmes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DescriptionKo = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Hosts = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcast_programmes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_broadcast_programmes_broadcast_channels_ChannelCode",
                        column: x => x.ChannelCode,
                        principalTable: "broadcast_channels",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cctv_cameras",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LotAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OperatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OperatorContact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    InstalledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ViewDirection = table.Column<int>(type: "INTEGER", nullable: true),
                    ViewAngle = table.Column<int>(type: "INTEGER", nullable: true),
                    ViewText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecorderId = table.Column<int>(type: "INTEGER", nullable: true),
                    Health = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SilentAfter = table.Column<long>(type: "INTEGER", nullable: true),
                    BackAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Attribution = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cctv_cameras", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cctv_cameras_cctv_recorders_RecorderId",
                        column: x => x.RecorderId,
                        principalTable: "cctv_recorders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "decision_ballots",
                columns: table => new
                {
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HashVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Paper = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_ballots", x => new { x.PollId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_decision_ballots_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_budget_headings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BudgetId = table.Column<long>(type: "INTEGER", nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    PollId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budget_headings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_budget_headings_decision_budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "decision_budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_decision_budget_headings_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "decision_flagged_ballots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Paper = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_flagged_ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_flagged_ballots_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
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

            migrationBuilder.CreateTable(
                name: "decision_poll_members",
                columns: table => new
                {
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_poll_members", x => new { x.PollId, x.Commitment });
                    table.ForeignKey(
                        name: "FK_decision_poll_members_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_poll_options",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    LabelKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LabelEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Votes = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: true),
                    Cost = table.Column<long>(type: "INTEGER", nullable: true),
                    IsOther = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_poll_options", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_poll_options_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_voters",
                columns: table => new
                {
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: true),
                    VotedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Paper = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_voters", x => new { x.PollId, x.Commitment });
                    table.ForeignKey(
                        name: "FK_decision_voters_decision_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "decision_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "developer_key_usage",
                columns: table => new
                {
                    KeyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Calls = table.Column<long>(type: "INTEGER", nullable: false),
                    Limited = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_key_usage", x => new { x.KeyId, x.Hour, x.Scope });
                    table.ForeignKey(
                        name: "FK_developer_key_usage_developer_keys_KeyId",
                        column: x => x.KeyId,
                        principalTable: "developer_keys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "developer_demo_day_pitches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemoDayId = table.Column<long>(type: "INTEGER", nullable: false),
                    Resident = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShowcaseAppId = table.Column<long>(type: "INTEGER", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_developer_demo_day_pitches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_developer_demo_day_pitches_developer_demo_days_DemoDayId",
                        column: x => x.DemoDayId,
                        principalTable: "developer_demo_days",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_developer_demo_day_pitches_developer_showcase_apps_ShowcaseAppId",
                        column: x => x.ShowcaseAppId,
                        principalTable: "developer_showcase_apps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "identity_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_identity_role_claims_identity_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "identity_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_account_sessions_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_staff_departments",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_staff_departments", x => new { x.UserId, x.DepartmentId });
                    table.ForeignKey(
                        name: "FK_identity_staff_departments_city_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "city_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_identity_staff_departments_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_identity_user_claims_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_identity_user_logins_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_user_roles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_identity_user_roles_identity_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "identity_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_identity_user_roles_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_identity_user_tokens_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "news_subscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kinds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Departments = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Districts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentThrough = table.Column<long>(type: "INTEGER", nullable: false),
                    LastDigestDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UnsubscribeToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_subscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_news_subscriptions_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "petition_petitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Flagged = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RejectionReasonCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SupportDeadline = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ThresholdReachedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AnswerDueAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ForumOpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ForumClosesAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AnswerOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AnswerText = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ForumParticipants = table.Column<int>(type: "INTEGER", nullable: false),
                    ForumClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    MayorThresholdReachedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    MayorAnswerDueAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    MayorAnsweredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    MayorAnswerOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    MayorAnswerText = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    MayorAnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OriginsForgottenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    NotifiedThroughEventId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastNotifiedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SignatureCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainLength = table.Column<long>(type: "INTEGER", nullable: false),
                    ChainHead = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    TitleGramCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_petitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petition_petitions_identity_users_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "upload_allowance_days",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upload_allowance_days", x => new { x.UserId, x.Day });
                    table.ForeignKey(
                        name: "FK_upload_allowance_days_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_applications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProgrammeId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProgrammeVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ApplicantUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ApplicantPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    HouseholdKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Pool = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    FailedRuleId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    RespondBy = table.Column<long>(type: "INTEGER", nullable: true),
                    SelectionRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    QueuePosition = table.Column<int>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Booked = table.Column<int>(type: "INTEGER", nullable: false),
                    Staffer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Modes = table.Column<string>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<long>(type: "INTEGER", nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Site = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Booked = table.Column<int>(type: "INTEGER", nullable: false),
                    Instructor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Supporter = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CompletionSessions = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SummaryKo = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Quota = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationLimit = table.Column<int>(type: "INTEGER", nullable: true),
                    PoolBasis = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Pools = table.Column<string>(type: "TEXT", nullable: false),
                    CoPaymentPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    ItemPrice = table.Column<int>(type: "INTEGER", nullable: true),
                    CoPaymentDays = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    Rules = table.Column<string>(type: "TEXT", nullable: false),
                    AlsoAsk = table.Column<string>(type: "TEXT", nullable: false),
                    Selection = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", nullable: false),
                    ReGrantExclusionMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceLevelDays = table.Column<int>(type: "INTEGER", nullable: true),
                    DetailsQuestionKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DetailsQuestionEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_programme_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_programme_versions_inclusion_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "inclusion_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_selection_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProgrammeVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Entrants = table.Column<string>(type: "TEXT", nullable: false),
                    Results = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "network_mou_actions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MouId = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_mou_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_mou_actions_network_mous_MouId",
                        column: x => x.MouId,
                        principalTable: "network_mous",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_mou_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MouId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_mou_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_mou_documents_network_mous_MouId",
                        column: x => x.MouId,
                        principalTable: "network_mous",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_mou_parties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MouId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_mou_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_mou_parties_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_network_mou_parties_network_mous_MouId",
                        column: x => x.MouId,
                        principalTable: "network_mous",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "news_attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 100100, nullable: true),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_news_attachments_news_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "news_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "news_pictures",
                columns: table => new
                {
                    PostId = table.Column<long>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    AltText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_pictures", x => x.PostId);
                    table.ForeignKey(
                        name: "FK_news_pictures_news_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "news_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "places",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KindCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DescriptionKo = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RoadAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LotAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OpeningHoursText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AlwaysOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ClosesAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    WheelchairAccess = table.Column<bool>(type: "INTEGER", nullable: true),
                    AccessibleToilet = table.Column<bool>(type: "INTEGER", nullable: true),
                    BabyChanging = table.Column<bool>(type: "INTEGER", nullable: true),
                    EmergencyBell = table.Column<bool>(type: "INTEGER", nullable: true),
                    Cctv = table.Column<bool>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Attribution = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_places", x => x.Id);
                    table.ForeignKey(
                        name: "FK_places_place_kinds_KindCode",
                        column: x => x.KindCode,
                        principalTable: "place_kinds",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_attributes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Variable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Datatype = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    DatatypeDescriptionKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DatatypeDescriptionEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    DescriptionKo = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Values = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_attributes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_attributes_service_definitions_ServiceCode",
                        column: x => x.ServiceCode,
                        principalTable: "service_definitions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    AddressId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Zipcode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubjectTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SubjectPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReporterId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ApiKeyId = table.Column<long>(type: "INTEGER", nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    HandlerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    StatusNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExtendedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NotifyByEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotifyBySms = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReopenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReopenReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DuplicateOfId = table.Column<long>(type: "INTEGER", nullable: true),
                    Attributes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_requests_service_definitions_ServiceCode",
                        column: x => x.ServiceCode,
                        principalTable: "service_definitions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_routes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_routes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_routes_service_definitions_ServiceCode",
                        column: x => x.ServiceCode,
                        principalTable: "service_definitions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transparency_budget_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transparency_budget_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_transparency_budget_lines_transparency_budget_years_Year",
                        column: x => x.Year,
                        principalTable: "transparency_budget_years",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "broadcast_exceptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProgrammeId = table.Column<long>(type: "INTEGER", nullable: true),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OffAir = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcast_exceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_broadcast_exceptions_broadcast_channels_ChannelCode",
                        column: x => x.ChannelCode,
                        principalTable: "broadcast_channels",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_broadcast_exceptions_broadcast_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "broadcast_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "broadcast_slots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcast_slots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_broadcast_slots_broadcast_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "broadcast_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cctv_outages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CameraId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cctv_outages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cctv_outages_cctv_cameras_CameraId",
                        column: x => x.CameraId,
                        principalTable: "cctv_cameras",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_budget_projects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BudgetId = table.Column<long>(type: "INTEGER", nullable: false),
                    HeadingId = table.Column<long>(type: "INTEGER", nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DescriptionKo = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Cost = table.Column<long>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Feasibility = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewNoteKo = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewNoteEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Selected = table.Column<bool>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Moderation = table.Column<int>(type: "INTEGER", nullable: false),
                    ModerationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Supports = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budget_projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_budget_projects_decision_budget_headings_HeadingId",
                        column: x => x.HeadingId,
                        principalTable: "decision_budget_headings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_decision_budget_projects_decision_budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "decision_budgets",
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
                name: "petition_chain",
                columns: table => new
                {
                    PetitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HashVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_chain", x => new { x.PetitionId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_petition_chain_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_checkpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PetitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    HeadHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Supports = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_checkpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petition_checkpoints_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
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
                    Flagged = table.Column<bool>(type: "INTEGER", nullable: false),
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
                name: "petition_images",
                columns: table => new
                {
                    PetitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    AltText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_images", x => x.PetitionId);
                    table.ForeignKey(
                        name: "FK_petition_images_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_signatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PetitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    InvalidatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClientIp = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    EmailDomain = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Flagged = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petition_signatures_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_petition_signatures_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petition_title_grams",
                columns: table => new
                {
                    PetitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Gram = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petition_title_grams", x => new { x.Gram, x.PetitionId });
                    table.ForeignKey(
                        name: "FK_petition_title_grams_petition_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petition_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_application_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    EvidenceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_application_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_application_documents_inclusion_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "inclusion_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_application_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_application_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_application_events_inclusion_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "inclusion_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_fulfilments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Item = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Installed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Trained = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceiptSignedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Deposit = table.Column<int>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnCondition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LicenceCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FulfilledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SurveyScore = table.Column<int>(type: "INTEGER", nullable: true),
                    SurveyComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SurveyAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ServedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_household_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inclusion_household_claims_inclusion_applications_ApplicationId",
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Scores = table.Column<string>(type: "TEXT", nullable: false),
                    Conflict = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SlotId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClassId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClassId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
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
                        onDelete: ReferentialAction.SetNull);
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

            migrationBuilder.CreateTable(
                name: "service_request_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Internal = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_request_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_request_events_service_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "service_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_request_followers",
                columns: table => new
                {
                    RequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    FollowedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_request_followers", x => new { x.RequestId, x.UserId });
                    table.ForeignKey(
                        name: "FK_service_request_followers_service_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "service_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_request_photos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_request_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_request_photos_service_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "service_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_budget_milestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NoteKo = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NoteEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PercentComplete = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budget_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_budget_milestones_decision_budget_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "decision_budget_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_budget_supports",
                columns: table => new
                {
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budget_supports", x => new { x.ProjectId, x.Commitment });
                    table.ForeignKey(
                        name: "FK_decision_budget_supports_decision_budget_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "decision_budget_projects",
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

            migrationBuilder.CreateTable(
                name: "inclusion_attendance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
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
                name: "network_library_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    TranslationGroup = table.Column<long>(type: "INTEGER", nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TopicCodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContributorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AwardEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 25000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_library_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_library_cases_identity_users_ContributorUserId",
                        column: x => x.ContributorUserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_network_library_cases_network_award_entries_AwardEntryId",
                        column: x => x.AwardEntryId,
                        principalTable: "network_award_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_network_library_cases_network_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "network_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
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

            migrationBuilder.CreateTable(
                name: "decision_budget_images",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    MilestoneId = table.Column<long>(type: "INTEGER", nullable: true),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    AltText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_budget_images", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_budget_images_decision_budget_milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "decision_budget_milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_decision_budget_images_decision_budget_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "decision_budget_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_library_attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_library_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_library_attachments_network_library_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "network_library_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "search_generation",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            // Indexes in the order the squashed migrations created them, not the generator's alphabetical one: SQLite
            // chooses between equally good indexes by their order (SupportTally's plan test caught a change).
            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Sequence",
                table: "audit_entries",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_TargetType_TargetId",
                table: "audit_entries",
                columns: new[] { "TargetType", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_city_departments_Code",
                table: "city_departments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_city_districts_Code",
                table: "city_districts",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_role_claims_RoleId",
                table: "identity_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "identity_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_staff_departments_DepartmentId",
                table: "identity_staff_departments",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_identity_user_claims_UserId",
                table: "identity_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_identity_user_logins_UserId",
                table: "identity_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_identity_user_roles_RoleId",
                table: "identity_user_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "identity_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_identity_users_VerifiedIdentityHash",
                table: "identity_users",
                column: "VerifiedIdentityHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "identity_users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notify_in_app_UserId_Id",
                table: "notify_in_app",
                columns: new[] { "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_notify_outbox_SentAt_GaveUp_NextAttemptAtMs",
                table: "notify_outbox",
                columns: new[] { "SentAt", "GaveUp", "NextAttemptAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_portal_pages_Slug",
                table: "portal_pages",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_petition_checkpoints_PetitionId_Length",
                table: "petition_checkpoints",
                columns: new[] { "PetitionId", "Length" });

            migrationBuilder.CreateIndex(
                name: "IX_petition_petitions_AuthorId",
                table: "petition_petitions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_petition_petitions_Status_Id",
                table: "petition_petitions",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_petition_signatures_Commitment_PetitionId",
                table: "petition_signatures",
                columns: new[] { "Commitment", "PetitionId" },
                unique: true,
                filter: "\"WithdrawnAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_petition_signatures_PetitionId",
                table: "petition_signatures",
                column: "PetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_petition_signatures_UserId_PetitionId",
                table: "petition_signatures",
                columns: new[] { "UserId", "PetitionId" });

            migrationBuilder.CreateIndex(
                name: "IX_petition_title_grams_PetitionId",
                table: "petition_title_grams",
                column: "PetitionId");

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

            migrationBuilder.CreateIndex(
                name: "IX_petition_signatures_Flagged_PetitionId",
                table: "petition_signatures",
                columns: new[] { "Flagged", "PetitionId" });

            migrationBuilder.CreateIndex(
                name: "IX_service_attributes_ServiceCode_Code",
                table: "service_attributes",
                columns: new[] { "ServiceCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_attributes_ServiceCode_Order",
                table: "service_attributes",
                columns: new[] { "ServiceCode", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_routes_ServiceCode_DistrictCode",
                table: "service_routes",
                columns: new[] { "ServiceCode", "DistrictCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_requests_DepartmentCode_Status",
                table: "service_requests",
                columns: new[] { "DepartmentCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_service_requests_Reference",
                table: "service_requests",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_requests_ReporterId",
                table: "service_requests",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_service_requests_RequestedAt",
                table: "service_requests",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_service_requests_ServiceCode_Status",
                table: "service_requests",
                columns: new[] { "ServiceCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_service_requests_Token",
                table: "service_requests",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_requests_ServiceCode_Latitude",
                table: "service_requests",
                columns: new[] { "ServiceCode", "Latitude" });

            migrationBuilder.CreateIndex(
                name: "IX_service_request_events_RequestId",
                table: "service_request_events",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_service_request_followers_UserId",
                table: "service_request_followers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_service_request_photos_RequestId_Position",
                table: "service_request_photos",
                columns: new[] { "RequestId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_reply_templates_DepartmentCode",
                table: "service_reply_templates",
                column: "DepartmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_places_KindCode_DistrictCode",
                table: "places",
                columns: new[] { "KindCode", "DistrictCode" });

            migrationBuilder.CreateIndex(
                name: "IX_places_Source_SourceId",
                table: "places",
                columns: new[] { "Source", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_place_import_runs_StartedAt",
                table: "place_import_runs",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_broadcast_exceptions_ChannelCode_StartsAt",
                table: "broadcast_exceptions",
                columns: new[] { "ChannelCode", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_broadcast_exceptions_ProgrammeId",
                table: "broadcast_exceptions",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_broadcast_programmes_ChannelCode",
                table: "broadcast_programmes",
                column: "ChannelCode");

            migrationBuilder.CreateIndex(
                name: "IX_broadcast_slots_ProgrammeId",
                table: "broadcast_slots",
                column: "ProgrammeId");

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

            migrationBuilder.CreateIndex(
                name: "IX_account_sessions_LastSeenAt",
                table: "account_sessions",
                column: "LastSeenAt");

            migrationBuilder.CreateIndex(
                name: "IX_account_sessions_RevokedAt",
                table: "account_sessions",
                column: "RevokedAt");

            migrationBuilder.CreateIndex(
                name: "IX_account_sessions_UserId",
                table: "account_sessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_petition_signatures_live_by_district",
                table: "petition_signatures",
                columns: new[] { "PetitionId", "DistrictCode" },
                filter: "\"WithdrawnAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_search_entries_Kind_SourceId",
                table: "search_entries",
                columns: new[] { "Kind", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_entries_KindKey_Id",
                table: "search_entries",
                columns: new[] { "KindKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_poll_options_PollId_Position",
                table: "decision_poll_options",
                columns: new[] { "PollId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decision_polls_PublishedAt_ClosesAt",
                table: "decision_polls",
                columns: new[] { "PublishedAt", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_voters_PollId_Choices",
                table: "decision_voters",
                columns: new[] { "PollId", "Choices" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_polls_BudgetHeadingId",
                table: "decision_polls",
                column: "BudgetHeadingId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_headings_BudgetId",
                table: "decision_budget_headings",
                column: "BudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_headings_PollId",
                table: "decision_budget_headings",
                column: "PollId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_images_MilestoneId",
                table: "decision_budget_images",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_images_ProjectId_MilestoneId",
                table: "decision_budget_images",
                columns: new[] { "ProjectId", "MilestoneId" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_milestones_ProjectId",
                table: "decision_budget_milestones",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_projects_AuthorId",
                table: "decision_budget_projects",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_projects_BudgetId_HeadingId",
                table: "decision_budget_projects",
                columns: new[] { "BudgetId", "HeadingId" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_budget_projects_HeadingId",
                table: "decision_budget_projects",
                column: "HeadingId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_flagged_ballots_PollId",
                table: "decision_flagged_ballots",
                column: "PollId");

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

            migrationBuilder.CreateIndex(
                name: "IX_news_posts_CorrectsId",
                table: "news_posts",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_news_posts_DepartmentCode_NoticeYear_NoticeNumber",
                table: "news_posts",
                columns: new[] { "DepartmentCode", "NoticeYear", "NoticeNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_news_posts_DepartmentCode_PublishAt",
                table: "news_posts",
                columns: new[] { "DepartmentCode", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_news_posts_Kind_PublishAt",
                table: "news_posts",
                columns: new[] { "Kind", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_news_posts_PublishAt",
                table: "news_posts",
                column: "PublishAt");

            migrationBuilder.CreateIndex(
                name: "IX_news_attachments_PostId",
                table: "news_attachments",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_news_subscriptions_UnsubscribeToken",
                table: "news_subscriptions",
                column: "UnsubscribeToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_news_subscriptions_UserId",
                table: "news_subscriptions",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_companies_RegistrationNumber",
                table: "taxi_companies",
                column: "RegistrationNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_company_staff_CompanyId_UserId",
                table: "taxi_company_staff",
                columns: new[] { "CompanyId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_company_staff_UserId",
                table: "taxi_company_staff",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_taxi_offers_CallId",
                table: "taxi_offers",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_taxi_offers_DriverId_OfferedAt",
                table: "taxi_offers",
                columns: new[] { "DriverId", "OfferedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_taxi_drivers_CompanyId",
                table: "taxi_drivers",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_taxi_drivers_LicenceNumber",
                table: "taxi_drivers",
                column: "LicenceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_drivers_OnDutySince",
                table: "taxi_drivers",
                column: "OnDutySince");

            migrationBuilder.CreateIndex(
                name: "IX_taxi_drivers_Plate",
                table: "taxi_drivers",
                column: "Plate",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_drivers_UserId",
                table: "taxi_drivers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_CalledAt",
                table: "taxi_calls",
                column: "CalledAt");

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_DetailsForgottenAt_CalledAt",
                table: "taxi_calls",
                columns: new[] { "DetailsForgottenAt", "CalledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_DriverId_CalledAt",
                table: "taxi_calls",
                columns: new[] { "DriverId", "CalledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_RiderId_CalledAt",
                table: "taxi_calls",
                columns: new[] { "RiderId", "CalledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_SafeRideTokenHash",
                table: "taxi_calls",
                column: "SafeRideTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_State_CalledAt",
                table: "taxi_calls",
                columns: new[] { "State", "CalledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_taxi_calls_HandedOverAt_CentreOutcome",
                table: "taxi_calls",
                columns: new[] { "HandedOverAt", "CentreOutcome" });

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

            migrationBuilder.CreateIndex(
                name: "IX_network_mou_actions_MouId_DueOn",
                table: "network_mou_actions",
                columns: new[] { "MouId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_network_mou_documents_MouId",
                table: "network_mou_documents",
                column: "MouId");

            migrationBuilder.CreateIndex(
                name: "IX_network_mou_parties_MemberId",
                table: "network_mou_parties",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_network_mou_parties_MouId",
                table: "network_mou_parties",
                column: "MouId");

            migrationBuilder.CreateIndex(
                name: "IX_network_mous_SignedOn",
                table: "network_mous",
                column: "SignedOn");

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

            migrationBuilder.CreateIndex(
                name: "IX_network_library_attachments_CaseId",
                table: "network_library_attachments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_network_library_cases_AwardEntryId",
                table: "network_library_cases",
                column: "AwardEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_library_cases_ContributorUserId",
                table: "network_library_cases",
                column: "ContributorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_network_library_cases_MemberId",
                table: "network_library_cases",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_network_library_cases_Status_PublishedAt",
                table: "network_library_cases",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_network_library_cases_TranslationGroup",
                table: "network_library_cases",
                column: "TranslationGroup");

            migrationBuilder.CreateIndex(
                name: "IX_cctv_cameras_Code",
                table: "cctv_cameras",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cctv_cameras_DistrictCode_Purpose",
                table: "cctv_cameras",
                columns: new[] { "DistrictCode", "Purpose" });

            migrationBuilder.CreateIndex(
                name: "IX_cctv_cameras_Health_SilentAfter",
                table: "cctv_cameras",
                columns: new[] { "Health", "SilentAfter" });

            migrationBuilder.CreateIndex(
                name: "IX_cctv_cameras_RecorderId_Code",
                table: "cctv_cameras",
                columns: new[] { "RecorderId", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_cctv_cameras_Source_SourceId",
                table: "cctv_cameras",
                columns: new[] { "Source", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cctv_outages_CameraId_EndedAt",
                table: "cctv_outages",
                columns: new[] { "CameraId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cctv_outages_DepartmentCode_DetectedAt",
                table: "cctv_outages",
                columns: new[] { "DepartmentCode", "DetectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cctv_recorders_Code",
                table: "cctv_recorders",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transparency_budget_lines_Year_Code",
                table: "transparency_budget_lines",
                columns: new[] { "Year", "Code" },
                unique: true);
            migrationBuilder.CreateIndex(
                name: "IX_developer_keys_Hash",
                table: "developer_keys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_developer_keys_OwnerId",
                table: "developer_keys",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_developer_keys_PreviousHash",
                table: "developer_keys",
                column: "PreviousHash");

            migrationBuilder.CreateIndex(
                name: "IX_developer_demo_day_pitches_DemoDayId_Resident",
                table: "developer_demo_day_pitches",
                columns: new[] { "DemoDayId", "Resident" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_developer_demo_day_pitches_ShowcaseAppId",
                table: "developer_demo_day_pitches",
                column: "ShowcaseAppId");

            migrationBuilder.CreateIndex(
                name: "IX_developer_demo_days_StartsAt",
                table: "developer_demo_days",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_developer_mentoring_sessions_Resident_HeldAt",
                table: "developer_mentoring_sessions",
                columns: new[] { "Resident", "HeldAt" });

            migrationBuilder.CreateIndex(
                name: "IX_developer_showcase_apps_Published_Name",
                table: "developer_showcase_apps",
                columns: new[] { "Published", "Name" });


            // The search's full-text index: one row per entry, rowid = kind key × 2^40 + id (SearchIndex.EntryKey),
            // contentless, kept by triggers so every write to search_entries reaches it in the same transaction.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE search_fts USING fts5("TitleTerms", "BodyTerms", content='', tokenize='unicode61 remove_diacritics 0');
                CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
                    INSERT INTO search_fts(rowid, "TitleTerms", "BodyTerms") VALUES (new."KindKey" * 1099511627776 + new."Id", new."TitleTerms", new."BodyTerms");
                END;
                CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
                    INSERT INTO search_fts(search_fts, rowid, "TitleTerms", "BodyTerms") VALUES ('delete', old."KindKey" * 1099511627776 + old."Id", old."TitleTerms", old."BodyTerms");
                END;
                CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
                    INSERT INTO search_fts(search_fts, rowid, "TitleTerms", "BodyTerms") VALUES ('delete', old."KindKey" * 1099511627776 + old."Id", old."TitleTerms", old."BodyTerms");
                    INSERT INTO search_fts(rowid, "TitleTerms", "BodyTerms") VALUES (new."KindKey" * 1099511627776 + new."Id", new."TitleTerms", new."BodyTerms");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE search_fts;"); // its triggers go with search_entries

            migrationBuilder.DropTable(
                name: "account_sessions");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "broadcast_exceptions");

            migrationBuilder.DropTable(
                name: "broadcast_slots");

            migrationBuilder.DropTable(
                name: "cctv_outages");

            migrationBuilder.DropTable(
                name: "city_districts");

            migrationBuilder.DropTable(
                name: "city_settings");

            migrationBuilder.DropTable(
                name: "decision_ballots");

            migrationBuilder.DropTable(
                name: "decision_budget_images");

            migrationBuilder.DropTable(
                name: "decision_budget_supports");

            migrationBuilder.DropTable(
                name: "decision_checkpoints");

            migrationBuilder.DropTable(
                name: "decision_flagged_ballots");

            migrationBuilder.DropTable(
                name: "decision_option_images");

            migrationBuilder.DropTable(
                name: "decision_other_answers");

            migrationBuilder.DropTable(
                name: "decision_poll_members");

            migrationBuilder.DropTable(
                name: "decision_voters");

            migrationBuilder.DropTable(
                name: "developer_demo_day_pitches");

            migrationBuilder.DropTable(
                name: "developer_key_usage");

            migrationBuilder.DropTable(
                name: "developer_mentoring_sessions");

            migrationBuilder.DropTable(
                name: "identity_role_claims");

            migrationBuilder.DropTable(
                name: "identity_staff_departments");

            migrationBuilder.DropTable(
                name: "identity_user_claims");

            migrationBuilder.DropTable(
                name: "identity_user_logins");

            migrationBuilder.DropTable(
                name: "identity_user_roles");

            migrationBuilder.DropTable(
                name: "identity_user_tokens");

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
                name: "live_banned_participants");

            migrationBuilder.DropTable(
                name: "live_question_supports");

            migrationBuilder.DropTable(
                name: "network_applications");

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
                name: "network_committee_seats");

            migrationBuilder.DropTable(
                name: "network_decision_votes");

            migrationBuilder.DropTable(
                name: "network_fee_payments");

            migrationBuilder.DropTable(
                name: "network_library_attachments");

            migrationBuilder.DropTable(
                name: "network_member_contacts");

            migrationBuilder.DropTable(
                name: "network_member_logos");

            migrationBuilder.DropTable(
                name: "network_member_representatives");

            migrationBuilder.DropTable(
                name: "network_mou_actions");

            migrationBuilder.DropTable(
                name: "network_mou_documents");

            migrationBuilder.DropTable(
                name: "network_mou_parties");

            migrationBuilder.DropTable(
                name: "network_visit_feedback");

            migrationBuilder.DropTable(
                name: "network_visit_sessions");

            migrationBuilder.DropTable(
                name: "news_attachments");

            migrationBuilder.DropTable(
                name: "news_notice_numbers");

            migrationBuilder.DropTable(
                name: "news_pictures");

            migrationBuilder.DropTable(
                name: "news_subscriptions");

            migrationBuilder.DropTable(
                name: "notify_in_app");

            migrationBuilder.DropTable(
                name: "notify_outbox");

            migrationBuilder.DropTable(
                name: "petition_chain");

            migrationBuilder.DropTable(
                name: "petition_checkpoints");

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
                name: "petition_images");

            migrationBuilder.DropTable(
                name: "petition_signatures");

            migrationBuilder.DropTable(
                name: "petition_title_grams");

            migrationBuilder.DropTable(
                name: "place_import_runs");

            migrationBuilder.DropTable(
                name: "places");

            migrationBuilder.DropTable(
                name: "platform_data_protection_keys");

            migrationBuilder.DropTable(
                name: "portal_pages");

            migrationBuilder.DropTable(
                name: "search_entries");

            migrationBuilder.DropTable(
                name: "search_generation");

            migrationBuilder.DropTable(
                name: "service_attributes");

            migrationBuilder.DropTable(
                name: "service_reply_templates");

            migrationBuilder.DropTable(
                name: "service_request_events");

            migrationBuilder.DropTable(
                name: "service_request_followers");

            migrationBuilder.DropTable(
                name: "service_request_photos");

            migrationBuilder.DropTable(
                name: "service_routes");

            migrationBuilder.DropTable(
                name: "taxi_calls");

            migrationBuilder.DropTable(
                name: "taxi_companies");

            migrationBuilder.DropTable(
                name: "taxi_company_staff");

            migrationBuilder.DropTable(
                name: "taxi_drivers");

            migrationBuilder.DropTable(
                name: "taxi_offers");

            migrationBuilder.DropTable(
                name: "transparency_budget_lines");

            migrationBuilder.DropTable(
                name: "upload_allowance_days");

            migrationBuilder.DropTable(
                name: "broadcast_programmes");

            migrationBuilder.DropTable(
                name: "cctv_cameras");

            migrationBuilder.DropTable(
                name: "decision_budget_milestones");

            migrationBuilder.DropTable(
                name: "decision_poll_options");

            migrationBuilder.DropTable(
                name: "developer_demo_days");

            migrationBuilder.DropTable(
                name: "developer_showcase_apps");

            migrationBuilder.DropTable(
                name: "developer_keys");

            migrationBuilder.DropTable(
                name: "city_departments");

            migrationBuilder.DropTable(
                name: "identity_roles");

            migrationBuilder.DropTable(
                name: "inclusion_appointment_slots");

            migrationBuilder.DropTable(
                name: "inclusion_class_sessions");

            migrationBuilder.DropTable(
                name: "inclusion_applications");

            migrationBuilder.DropTable(
                name: "live_questions");

            migrationBuilder.DropTable(
                name: "network_award_criteria");

            migrationBuilder.DropTable(
                name: "network_award_jurors");

            migrationBuilder.DropTable(
                name: "network_decisions");

            migrationBuilder.DropTable(
                name: "network_library_cases");

            migrationBuilder.DropTable(
                name: "network_mous");

            migrationBuilder.DropTable(
                name: "network_visit_sites");

            migrationBuilder.DropTable(
                name: "network_visits");

            migrationBuilder.DropTable(
                name: "news_posts");

            migrationBuilder.DropTable(
                name: "petition_comments");

            migrationBuilder.DropTable(
                name: "place_kinds");

            migrationBuilder.DropTable(
                name: "service_requests");

            migrationBuilder.DropTable(
                name: "transparency_budget_years");

            migrationBuilder.DropTable(
                name: "broadcast_channels");

            migrationBuilder.DropTable(
                name: "cctv_recorders");

            migrationBuilder.DropTable(
                name: "decision_budget_projects");

            migrationBuilder.DropTable(
                name: "inclusion_classes");

            migrationBuilder.DropTable(
                name: "live_events");

            migrationBuilder.DropTable(
                name: "network_meetings");

            migrationBuilder.DropTable(
                name: "network_award_entries");

            migrationBuilder.DropTable(
                name: "petition_petitions");

            migrationBuilder.DropTable(
                name: "service_definitions");

            migrationBuilder.DropTable(
                name: "decision_budget_headings");

            migrationBuilder.DropTable(
                name: "inclusion_programmes");

            migrationBuilder.DropTable(
                name: "network_award_categories");

            migrationBuilder.DropTable(
                name: "network_members");

            migrationBuilder.DropTable(
                name: "identity_users");

            migrationBuilder.DropTable(
                name: "decision_budgets");

            migrationBuilder.DropTable(
                name: "decision_polls");

            migrationBuilder.DropTable(
                name: "network_award_editions");
        }
    }
}

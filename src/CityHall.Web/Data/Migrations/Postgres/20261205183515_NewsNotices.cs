using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NewsNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ApprovedAt",
                table: "news_posts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "news_posts",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CorrectsId",
                table: "news_posts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalBasis",
                table: "news_posts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NoticeNumber",
                table: "news_posts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NoticeYear",
                table: "news_posts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodFrom",
                table: "news_posts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodTo",
                table: "news_posts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RequestedAt",
                table: "news_posts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "news_posts",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "news_posts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "news_posts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "news_posts",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "news_notice_numbers",
                columns: table => new
                {
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_notice_numbers", x => new { x.DepartmentCode, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_news_posts_CorrectsId",
                table: "news_posts",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_news_posts_DepartmentCode_NoticeYear_NoticeNumber",
                table: "news_posts",
                columns: new[] { "DepartmentCode", "NoticeYear", "NoticeNumber" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_news_posts_news_posts_CorrectsId",
                table: "news_posts",
                column: "CorrectsId",
                principalTable: "news_posts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_news_posts_news_posts_CorrectsId",
                table: "news_posts");

            migrationBuilder.DropTable(
                name: "news_notice_numbers");

            migrationBuilder.DropIndex(
                name: "IX_news_posts_CorrectsId",
                table: "news_posts");

            migrationBuilder.DropIndex(
                name: "IX_news_posts_DepartmentCode_NoticeYear_NoticeNumber",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "CorrectsId",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "LegalBasis",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "NoticeNumber",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "NoticeYear",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "PeriodFrom",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "PeriodTo",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "RequestedAt",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "news_posts");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "news_posts");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NewsNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApprovedAt",
                table: "news_posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "news_posts",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CorrectsId",
                table: "news_posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalBasis",
                table: "news_posts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NoticeNumber",
                table: "news_posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NoticeYear",
                table: "news_posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodFrom",
                table: "news_posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodTo",
                table: "news_posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RequestedAt",
                table: "news_posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "news_posts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "news_posts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SubmittedAt",
                table: "news_posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "news_posts",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

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

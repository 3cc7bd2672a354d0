using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NewsPosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "news_posts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Districts = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TitleKo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    BodyKo = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    BodyEn = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_posts", x => x.Id);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "news_posts");
        }
    }
}

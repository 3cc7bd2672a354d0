using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityHall.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Open311's keys become the developer portal's app keys, keeping their ids (requests keep naming the key that sent
    /// them, so an app still reads its private requests), their hashes (the keys their apps hold keep working) and their
    /// dates, with the scope <c>open311.requests</c> and the default 600 calls a minute. A developer key whose id an
    /// Open311 key holds moves up first, with its usage. One step, not expand/contract: see docs/operations.md.
    /// </summary>
    public partial class Open311KeysAreAppKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The usage's foreign key is not deferrable: off while a moved key and its usage change ids.
            migrationBuilder.DropForeignKey(name: "FK_developer_key_usage_developer_keys_KeyId", table: "developer_key_usage");
            migrationBuilder.Sql(Shift("developer_key_usage", "KeyId"));
            migrationBuilder.Sql(Shift("developer_keys", "Id"));
            migrationBuilder.AddForeignKey(name: "FK_developer_key_usage_developer_keys_KeyId", table: "developer_key_usage", column: "KeyId",
                principalTable: "developer_keys", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            migrationBuilder.Sql("""
                INSERT INTO developer_keys ("Id", "OwnerId", "AppName", "Prefix", "Hash", "Scopes", "RequestsPerMinute", "CreatedAt", "RevokedAt")
                SELECT "Id", "OwnerId", "Name", "Prefix", "Hash", 'open311.requests', 600, "CreatedAt", "RevokedAt" FROM service_api_keys;
                SELECT setval(pg_get_serial_sequence('developer_keys', 'Id'), (SELECT MAX("Id") FROM developer_keys));
                """);
            migrationBuilder.DropTable(
                name: "service_api_keys");
        }

        /// <summary>Moves the ids of <paramref name="table"/> that an Open311 key holds above every id either table has.</summary>
        private static string Shift(string table, string column) => $"""
            UPDATE {table} SET "{column}" = "{column}" + (SELECT COALESCE(MAX("Id"), 0) FROM service_api_keys) + (SELECT COALESCE(MAX("Id"), 0) FROM developer_keys)
            WHERE "{column}" IN (SELECT "Id" FROM service_api_keys);
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "service_api_keys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_api_keys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_service_api_keys_Hash",
                table: "service_api_keys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_api_keys_OwnerId",
                table: "service_api_keys",
                column: "OwnerId");

            migrationBuilder.Sql("""
                INSERT INTO service_api_keys ("Id", "OwnerId", "Name", "Prefix", "Hash", "CreatedAt", "RevokedAt")
                SELECT "Id", "OwnerId", "AppName", "Prefix", "Hash", "CreatedAt", "RevokedAt" FROM developer_keys WHERE "Prefix" LIKE 'ch311!_%' ESCAPE '!';
                SELECT setval(pg_get_serial_sequence('service_api_keys', 'Id'), (SELECT MAX("Id") FROM service_api_keys));
                DELETE FROM developer_keys WHERE "Prefix" LIKE 'ch311!_%' ESCAPE '!';
                """);
        }
    }
}

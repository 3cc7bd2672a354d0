using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
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
            // Foreign keys checked at commit, so a moved key and its usage can change ids in either order.
            migrationBuilder.Sql("PRAGMA defer_foreign_keys = ON;");
            migrationBuilder.Sql(Shift("developer_key_usage", "KeyId"));
            migrationBuilder.Sql(Shift("developer_keys", "Id"));
            // DateTimeOffset text ("2026-12-07 01:15:02.1234567+00:00") to UTC ticks, to the millisecond.
            static string Ticks(string column) =>
                $"(CAST(strftime('%s', {column}) AS INTEGER) + 62135596800) * 10000000 + CAST(substr(strftime('%f', {column}), 4) AS INTEGER) * 10000";
            migrationBuilder.Sql($"""
                INSERT INTO developer_keys (Id, OwnerId, AppName, Prefix, Hash, Scopes, RequestsPerMinute, CreatedAt, RevokedAt)
                SELECT Id, OwnerId, Name, Prefix, Hash, 'open311.requests', 600, {Ticks("CreatedAt")}, {Ticks("RevokedAt")} FROM service_api_keys;
                """);
            migrationBuilder.DropTable(
                name: "service_api_keys");
        }

        /// <summary>Moves the ids of <paramref name="table"/> that an Open311 key holds above every id either table has.</summary>
        private static string Shift(string table, string column) => $"""
            UPDATE {table} SET {column} = {column} + (SELECT COALESCE(MAX(Id), 0) FROM service_api_keys) + (SELECT COALESCE(MAX(Id), 0) FROM developer_keys)
            WHERE {column} IN (SELECT Id FROM service_api_keys);
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "service_api_keys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
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
                INSERT INTO service_api_keys (Id, OwnerId, Name, Prefix, Hash, CreatedAt, RevokedAt)
                SELECT Id, OwnerId, AppName, Prefix, Hash,
                       strftime('%Y-%m-%d %H:%M:%f', (CreatedAt - 621355968000000000) / 10000000.0, 'unixepoch') || '+00:00',
                       strftime('%Y-%m-%d %H:%M:%f', (RevokedAt - 621355968000000000) / 10000000.0, 'unixepoch') || '+00:00'
                FROM developer_keys WHERE Prefix LIKE 'ch311!_%' ESCAPE '!';
                DELETE FROM developer_keys WHERE Prefix LIKE 'ch311!_%' ESCAPE '!';
                """);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityHall.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_definitions", x => x.Code);
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_attributes");

            migrationBuilder.DropTable(
                name: "service_routes");

            migrationBuilder.DropTable(
                name: "service_definitions");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PreventionCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prevention_categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameKk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameRu = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    VisitIntervalCount = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitIntervalUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RetentionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RetentionUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Juvenile = table.Column<bool>(type: "INTEGER", nullable: false),
                    DomesticViolenceOffender = table.Column<bool>(type: "INTEGER", nullable: false),
                    HealthRelated = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prevention_categories", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_categories_Code",
                table: "prevention_categories",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prevention_categories");
        }
    }
}

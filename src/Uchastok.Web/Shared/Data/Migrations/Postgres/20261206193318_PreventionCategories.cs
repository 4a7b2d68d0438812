using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NameKk = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameRu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    VisitIntervalCount = table.Column<int>(type: "integer", nullable: false),
                    VisitIntervalUnit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RetentionCount = table.Column<int>(type: "integer", nullable: false),
                    RetentionUnit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Juvenile = table.Column<bool>(type: "boolean", nullable: false),
                    DomesticViolenceOffender = table.Column<bool>(type: "boolean", nullable: false),
                    HealthRelated = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Integrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ApiKeyId",
                table: "appeals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "appeals",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Site"); // appeals filed before channels were recorded came through the site or its API

            migrationBuilder.AddColumn<bool>(
                name: "PublishConsent",
                table: "appeals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "integrations_api_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PermitsPerWindow = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    LastUsedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integrations_api_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "integrations_api_key_usage",
                columns: table => new
                {
                    ApiKeyId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Requests = table.Column<long>(type: "bigint", nullable: false),
                    Refused = table.Column<long>(type: "bigint", nullable: false),
                    Filed = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integrations_api_key_usage", x => new { x.ApiKeyId, x.Day });
                    table.ForeignKey(
                        name: "FK_integrations_api_key_usage_integrations_api_keys_ApiKeyId",
                        column: x => x.ApiKeyId,
                        principalTable: "integrations_api_keys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_integrations_api_keys_Hash",
                table: "integrations_api_keys",
                column: "Hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "integrations_api_key_usage");

            migrationBuilder.DropTable(
                name: "integrations_api_keys");

            migrationBuilder.DropColumn(
                name: "ApiKeyId",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "PublishConsent",
                table: "appeals");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Foundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts_personal_data_access",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReaderUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SubjectUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_personal_data_access", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProtectedIin = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MaskedIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    OfficerId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shared_data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shared_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "territory_districts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NameKk = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameRu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    BoundaryGeoJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_districts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "territory_revision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_revision", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "territory_streets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NameKk = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameRu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SearchKey = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_streets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_role_claims_accounts_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "accounts_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_user_claims_accounts_users_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_accounts_user_logins_accounts_users_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_user_roles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_accounts_user_roles_accounts_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "accounts_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_accounts_user_roles_accounts_users_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_accounts_user_tokens_accounts_users_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "territory_officers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Surname = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Patronymic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Rank = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Position = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_officers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_territory_officers_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "territory_addresses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StreetId = table.Column<int>(type: "integer", nullable: false),
                    HouseNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_addresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_territory_addresses_territory_streets_StreetId",
                        column: x => x.StreetId,
                        principalTable: "territory_streets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "territory_reception_points",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    AddressId = table.Column<int>(type: "integer", nullable: false),
                    Hours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_reception_points", x => x.Id);
                    table.ForeignKey(
                        name: "FK_territory_reception_points_territory_addresses_AddressId",
                        column: x => x.AddressId,
                        principalTable: "territory_addresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_territory_reception_points_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "territory_beats",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    BoundaryGeoJson = table.Column<string>(type: "text", nullable: false),
                    AreaSquareKilometres = table.Column<double>(type: "double precision", nullable: false),
                    CentreLatitude = table.Column<double>(type: "double precision", nullable: false),
                    CentreLongitude = table.Column<double>(type: "double precision", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    InspectorId = table.Column<int>(type: "integer", nullable: true),
                    ReceptionPointId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_beats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_territory_beats_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_territory_beats_territory_officers_InspectorId",
                        column: x => x.InspectorId,
                        principalTable: "territory_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_territory_beats_territory_reception_points_ReceptionPointId",
                        column: x => x.ReceptionPointId,
                        principalTable: "territory_reception_points",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.InsertData(
                table: "territory_revision",
                columns: new[] { "Id", "Number" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_personal_data_access_SubjectUserId",
                table: "accounts_personal_data_access",
                column: "SubjectUserId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_role_claims_RoleId",
                table: "accounts_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "accounts_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_user_claims_UserId",
                table: "accounts_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_user_logins_UserId",
                table: "accounts_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_user_roles_RoleId",
                table: "accounts_user_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "accounts_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_users_PhoneNumber",
                table: "accounts_users",
                column: "PhoneNumber");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "accounts_users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_territory_addresses_StreetId_HouseNumber",
                table: "territory_addresses",
                columns: new[] { "StreetId", "HouseNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_territory_beats_Code",
                table: "territory_beats",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_territory_beats_DistrictId_IsActive",
                table: "territory_beats",
                columns: new[] { "DistrictId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_territory_beats_InspectorId",
                table: "territory_beats",
                column: "InspectorId");

            migrationBuilder.CreateIndex(
                name: "IX_territory_beats_ReceptionPointId",
                table: "territory_beats",
                column: "ReceptionPointId");

            migrationBuilder.CreateIndex(
                name: "IX_territory_districts_Code",
                table: "territory_districts",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_territory_officers_DistrictId",
                table: "territory_officers",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_territory_reception_points_AddressId",
                table: "territory_reception_points",
                column: "AddressId");

            migrationBuilder.CreateIndex(
                name: "IX_territory_reception_points_DistrictId",
                table: "territory_reception_points",
                column: "DistrictId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_personal_data_access");

            migrationBuilder.DropTable(
                name: "accounts_role_claims");

            migrationBuilder.DropTable(
                name: "accounts_user_claims");

            migrationBuilder.DropTable(
                name: "accounts_user_logins");

            migrationBuilder.DropTable(
                name: "accounts_user_roles");

            migrationBuilder.DropTable(
                name: "accounts_user_tokens");

            migrationBuilder.DropTable(
                name: "shared_data_protection_keys");

            migrationBuilder.DropTable(
                name: "territory_beats");

            migrationBuilder.DropTable(
                name: "territory_revision");

            migrationBuilder.DropTable(
                name: "accounts_roles");

            migrationBuilder.DropTable(
                name: "accounts_users");

            migrationBuilder.DropTable(
                name: "territory_officers");

            migrationBuilder.DropTable(
                name: "territory_reception_points");

            migrationBuilder.DropTable(
                name: "territory_addresses");

            migrationBuilder.DropTable(
                name: "territory_districts");

            migrationBuilder.DropTable(
                name: "territory_streets");
        }
    }
}

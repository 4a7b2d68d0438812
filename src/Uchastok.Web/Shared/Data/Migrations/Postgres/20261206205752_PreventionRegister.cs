using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PreventionRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prevention_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    BeatId = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ProtectedIin = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MaskedIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    IinHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AddressId = table.Column<int>(type: "integer", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    AddressText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProtectedBasis = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    PutOnRecord = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RemovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProtectedRemovalReason = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    PurgeDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prevention_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prevention_entries_prevention_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "prevention_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_prevention_entries_territory_addresses_AddressId",
                        column: x => x.AddressId,
                        principalTable: "territory_addresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_prevention_entries_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prevention_gathering_places",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BeatId = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prevention_gathering_places", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prevention_gathering_places_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prevention_actions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Recurring = table.Column<bool>(type: "boolean", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ProtectedNote = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    DoneByOfficerId = table.Column<int>(type: "integer", nullable: true),
                    DoneByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prevention_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prevention_actions_prevention_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "prevention_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_prevention_actions_territory_officers_DoneByOfficerId",
                        column: x => x.DoneByOfficerId,
                        principalTable: "territory_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prevention_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProtectedNote = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    FromBeatId = table.Column<int>(type: "integer", nullable: true),
                    ToBeatId = table.Column<int>(type: "integer", nullable: true),
                    ProtocolReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prevention_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prevention_events_prevention_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "prevention_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prevention_juvenile_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BeatId = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<long>(type: "bigint", nullable: true),
                    ProtectedMinorName = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MinorBirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FoundAt = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProtectedDeliveredTo = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DeliveredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeliveredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prevention_juvenile_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prevention_juvenile_deliveries_prevention_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "prevention_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_prevention_juvenile_deliveries_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_actions_DoneByOfficerId_DoneOn",
                table: "prevention_actions",
                columns: new[] { "DoneByOfficerId", "DoneOn" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_actions_Due_DoneOn",
                table: "prevention_actions",
                columns: new[] { "Due", "DoneOn" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_actions_EntryId_Due",
                table: "prevention_actions",
                columns: new[] { "EntryId", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_entries_AddressId",
                table: "prevention_entries",
                column: "AddressId");

            migrationBuilder.CreateIndex(
                name: "IX_prevention_entries_BeatId_State",
                table: "prevention_entries",
                columns: new[] { "BeatId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_entries_CategoryId",
                table: "prevention_entries",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_prevention_entries_DistrictId_State_FullName_Id",
                table: "prevention_entries",
                columns: new[] { "DistrictId", "State", "FullName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_entries_IinHash",
                table: "prevention_entries",
                column: "IinHash");

            migrationBuilder.CreateIndex(
                name: "IX_prevention_entries_NameKey_BirthDate",
                table: "prevention_entries",
                columns: new[] { "NameKey", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_entries_State_PurgeDueOn",
                table: "prevention_entries",
                columns: new[] { "State", "PurgeDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_events_EntryId_OccurredOn",
                table: "prevention_events",
                columns: new[] { "EntryId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_gathering_places_BeatId_IsActive",
                table: "prevention_gathering_places",
                columns: new[] { "BeatId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_juvenile_deliveries_BeatId_DeliveredAtUtc",
                table: "prevention_juvenile_deliveries",
                columns: new[] { "BeatId", "DeliveredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_juvenile_deliveries_DistrictId_DeliveredAtUtc",
                table: "prevention_juvenile_deliveries",
                columns: new[] { "DistrictId", "DeliveredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_juvenile_deliveries_EntryId",
                table: "prevention_juvenile_deliveries",
                column: "EntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prevention_actions");

            migrationBuilder.DropTable(
                name: "prevention_events");

            migrationBuilder.DropTable(
                name: "prevention_gathering_places");

            migrationBuilder.DropTable(
                name: "prevention_juvenile_deliveries");

            migrationBuilder.DropTable(
                name: "prevention_entries");
        }
    }
}

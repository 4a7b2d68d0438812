using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProtectedIin = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MaskedIin = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    IinHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AddressId = table.Column<int>(type: "INTEGER", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    AddressText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProtectedBasis = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    PutOnRecord = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProtectedRemovalReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PurgeDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Recurring = table.Column<bool>(type: "INTEGER", nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ProtectedNote = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DoneByOfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    DoneByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProtectedNote = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    FromBeatId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToBeatId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProtocolReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    ProtectedMinorName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MinorBirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FoundAt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProtectedDeliveredTo = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DeliveredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeliveredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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

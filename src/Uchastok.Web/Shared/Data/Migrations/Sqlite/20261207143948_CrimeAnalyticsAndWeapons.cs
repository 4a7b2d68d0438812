using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CrimeAnalyticsAndWeapons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "beatdesign_incidents",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "OccurredAt",
                table: "beatdesign_incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "patrolplanning_suggestion_sets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GeneratedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GeneratedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GridOriginLongitude = table.Column<double>(type: "REAL", nullable: false),
                    GridOriginLatitude = table.Column<double>(type: "REAL", nullable: false),
                    CellMetres = table.Column<double>(type: "REAL", nullable: false),
                    BeatCells = table.Column<int>(type: "INTEGER", nullable: false),
                    HistoryIncidents = table.Column<int>(type: "INTEGER", nullable: false),
                    TimedIncidents = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrolplanning_suggestion_sets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patrolplanning_suggestion_sets_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "weapons_holder_imports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsTaken = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsRefused = table.Column<int>(type: "INTEGER", nullable: false),
                    RefusalsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weapons_holder_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "weapons_storage_sites",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastInspectedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weapons_storage_sites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_weapons_storage_sites_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_weapons_storage_sites_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "weaponseizures_seizures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: true),
                    SeizedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ProtectedPlace = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProtocolId = table.Column<long>(type: "INTEGER", nullable: true),
                    ProtocolNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IncidentNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByOfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weaponseizures_seizures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_weaponseizures_seizures_protocols_protocols_ProtocolId",
                        column: x => x.ProtocolId,
                        principalTable: "protocols_protocols",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_weaponseizures_seizures_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_weaponseizures_seizures_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_weaponseizures_seizures_territory_officers_RecordedByOfficerId",
                        column: x => x.RecordedByOfficerId,
                        principalTable: "territory_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "patrolplanning_suggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Column = table.Column<int>(type: "INTEGER", nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    CentreLatitude = table.Column<double>(type: "REAL", nullable: false),
                    CentreLongitude = table.Column<double>(type: "REAL", nullable: false),
                    ExpectedShare = table.Column<double>(type: "REAL", nullable: false),
                    HourBands = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TimedIncidents = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PatrolHours = table.Column<double>(type: "REAL", nullable: true),
                    PatrolNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrolplanning_suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patrolplanning_suggestions_patrolplanning_suggestion_sets_SetId",
                        column: x => x.SetId,
                        principalTable: "patrolplanning_suggestion_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "weapons_holders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProtectedIin = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MaskedIin = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    IinHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Bin = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weapons_holders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_weapons_holders_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_weapons_holders_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_weapons_holders_weapons_holder_imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "weapons_holder_imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "weapons_storage_inspections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<long>(type: "INTEGER", nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChecklistJson = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BreachCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weapons_storage_inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_weapons_storage_inspections_weapons_storage_sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "weapons_storage_sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "weaponseizures_determinants",
                columns: table => new
                {
                    SeizureId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weaponseizures_determinants", x => new { x.SeizureId, x.Code });
                    table.ForeignKey(
                        name: "FK_weaponseizures_determinants_weaponseizures_seizures_SeizureId",
                        column: x => x.SeizureId,
                        principalTable: "weaponseizures_seizures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "weaponseizures_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeizureId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Make = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Calibre = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Series = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weaponseizures_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_weaponseizures_items_weaponseizures_seizures_SeizureId",
                        column: x => x.SeizureId,
                        principalTable: "weaponseizures_seizures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "weapons_civil_weapons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HolderId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Make = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Calibre = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PermitNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Verification = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    VerifiedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    VerifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weapons_civil_weapons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_weapons_civil_weapons_weapons_holders_HolderId",
                        column: x => x.HolderId,
                        principalTable: "weapons_holders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "weapons_storage_breaches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionId = table.Column<long>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Requirement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequirementDue = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weapons_storage_breaches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_weapons_storage_breaches_weapons_storage_inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "weapons_storage_inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_beatdesign_incidents_DistrictId_Category_OccurredOn",
                table: "beatdesign_incidents",
                columns: new[] { "DistrictId", "Category", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_beatdesign_incidents_Type_Category",
                table: "beatdesign_incidents",
                columns: new[] { "Type", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_patrolplanning_suggestion_sets_BeatId_Period",
                table: "patrolplanning_suggestion_sets",
                columns: new[] { "BeatId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patrolplanning_suggestion_sets_DistrictId_Period",
                table: "patrolplanning_suggestion_sets",
                columns: new[] { "DistrictId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_patrolplanning_suggestions_SetId_Rank",
                table: "patrolplanning_suggestions",
                columns: new[] { "SetId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_weapons_civil_weapons_HolderId",
                table: "weapons_civil_weapons",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_weapons_civil_weapons_SerialNumber",
                table: "weapons_civil_weapons",
                column: "SerialNumber");

            migrationBuilder.CreateIndex(
                name: "IX_weapons_civil_weapons_ValidTo",
                table: "weapons_civil_weapons",
                column: "ValidTo");

            migrationBuilder.CreateIndex(
                name: "IX_weapons_holders_BeatId_Name",
                table: "weapons_holders",
                columns: new[] { "BeatId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_weapons_holders_Bin",
                table: "weapons_holders",
                column: "Bin");

            migrationBuilder.CreateIndex(
                name: "IX_weapons_holders_DistrictId_Name",
                table: "weapons_holders",
                columns: new[] { "DistrictId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_weapons_holders_IinHash",
                table: "weapons_holders",
                column: "IinHash");

            migrationBuilder.CreateIndex(
                name: "IX_weapons_holders_ImportId",
                table: "weapons_holders",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_weapons_storage_breaches_InspectionId",
                table: "weapons_storage_breaches",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_weapons_storage_breaches_SiteId_RequirementDue",
                table: "weapons_storage_breaches",
                columns: new[] { "SiteId", "RequirementDue" });

            migrationBuilder.CreateIndex(
                name: "IX_weapons_storage_inspections_SiteId_InspectedOn",
                table: "weapons_storage_inspections",
                columns: new[] { "SiteId", "InspectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_weapons_storage_sites_BeatId_Name",
                table: "weapons_storage_sites",
                columns: new[] { "BeatId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_weapons_storage_sites_DistrictId_Name",
                table: "weapons_storage_sites",
                columns: new[] { "DistrictId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_weaponseizures_items_Category_Number",
                table: "weaponseizures_items",
                columns: new[] { "Category", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_weaponseizures_items_SeizureId_Position",
                table: "weaponseizures_items",
                columns: new[] { "SeizureId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_weaponseizures_seizures_BeatId_Id",
                table: "weaponseizures_seizures",
                columns: new[] { "BeatId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_weaponseizures_seizures_DistrictId_Quarter",
                table: "weaponseizures_seizures",
                columns: new[] { "DistrictId", "Quarter" });

            migrationBuilder.CreateIndex(
                name: "IX_weaponseizures_seizures_ProtocolId",
                table: "weaponseizures_seizures",
                column: "ProtocolId");

            migrationBuilder.CreateIndex(
                name: "IX_weaponseizures_seizures_RecordedByOfficerId",
                table: "weaponseizures_seizures",
                column: "RecordedByOfficerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patrolplanning_suggestions");

            migrationBuilder.DropTable(
                name: "weapons_civil_weapons");

            migrationBuilder.DropTable(
                name: "weapons_storage_breaches");

            migrationBuilder.DropTable(
                name: "weaponseizures_determinants");

            migrationBuilder.DropTable(
                name: "weaponseizures_items");

            migrationBuilder.DropTable(
                name: "patrolplanning_suggestion_sets");

            migrationBuilder.DropTable(
                name: "weapons_holders");

            migrationBuilder.DropTable(
                name: "weapons_storage_inspections");

            migrationBuilder.DropTable(
                name: "weaponseizures_seizures");

            migrationBuilder.DropTable(
                name: "weapons_holder_imports");

            migrationBuilder.DropTable(
                name: "weapons_storage_sites");

            migrationBuilder.DropIndex(
                name: "IX_beatdesign_incidents_DistrictId_Category_OccurredOn",
                table: "beatdesign_incidents");

            migrationBuilder.DropIndex(
                name: "IX_beatdesign_incidents_Type_Category",
                table: "beatdesign_incidents");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "beatdesign_incidents");

            migrationBuilder.DropColumn(
                name: "OccurredAt",
                table: "beatdesign_incidents");
        }
    }
}

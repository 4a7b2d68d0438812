using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrustAndEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ComplaintUpheld",
                table: "appeals",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "community_meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BeatId = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    OfficerId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Attendance = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_meetings_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_meetings_territory_officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "territory_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_preventive_activities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BeatId = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    OfficerId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_preventive_activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_preventive_activities_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_preventive_activities_territory_officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "territory_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_kpi_weights",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    WeightsJson = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ActivitiesTarget = table.Column<int>(type: "integer", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_kpi_weights", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_survey_places",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    NameKk = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameRu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BeatId = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_survey_places", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trust_survey_places_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trust_survey_token_uses",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_survey_token_uses", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "trust_surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TitleKk = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleRu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IntroKk = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IntroRu = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IntroEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AskDemographics = table.Column<bool>(type: "boolean", nullable: false),
                    AfterAppeals = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_surveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_survey_questions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    TextKk = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TextRu = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TextEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Criterion = table.Column<int>(type: "integer", nullable: true),
                    Dimension = table.Column<int>(type: "integer", nullable: true),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    OptionsJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_survey_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trust_survey_questions_trust_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "trust_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trust_survey_responses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    SubmittedWeek = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    PlaceId = table.Column<int>(type: "integer", nullable: true),
                    BeatId = table.Column<int>(type: "integer", nullable: true),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    AgeBand = table.Column<int>(type: "integer", nullable: true),
                    Sex = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_survey_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trust_survey_responses_trust_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "trust_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trust_survey_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    Choices = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_survey_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trust_survey_answers_trust_survey_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "trust_survey_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trust_survey_answers_trust_survey_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "trust_survey_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_community_meetings_BeatId",
                table: "community_meetings",
                column: "BeatId");

            migrationBuilder.CreateIndex(
                name: "IX_community_meetings_DistrictId_HeldOn",
                table: "community_meetings",
                columns: new[] { "DistrictId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_community_meetings_OfficerId_HeldOn",
                table: "community_meetings",
                columns: new[] { "OfficerId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_community_preventive_activities_BeatId",
                table: "community_preventive_activities",
                column: "BeatId");

            migrationBuilder.CreateIndex(
                name: "IX_community_preventive_activities_OfficerId_DoneOn",
                table: "community_preventive_activities",
                columns: new[] { "OfficerId", "DoneOn" });

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_kpi_weights_DistrictId_ChangedAtUtc",
                table: "evaluation_kpi_weights",
                columns: new[] { "DistrictId", "ChangedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_answers_QuestionId",
                table: "trust_survey_answers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_answers_ResponseId",
                table: "trust_survey_answers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_places_BeatId",
                table: "trust_survey_places",
                column: "BeatId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_places_Code",
                table: "trust_survey_places",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_places_DistrictId",
                table: "trust_survey_places",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_questions_SurveyId_Position",
                table: "trust_survey_questions",
                columns: new[] { "SurveyId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_responses_Quarter_DistrictId",
                table: "trust_survey_responses",
                columns: new[] { "Quarter", "DistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_responses_SurveyId_Quarter_BeatId",
                table: "trust_survey_responses",
                columns: new[] { "SurveyId", "Quarter", "BeatId" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_surveys_Code",
                table: "trust_surveys",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_meetings");

            migrationBuilder.DropTable(
                name: "community_preventive_activities");

            migrationBuilder.DropTable(
                name: "evaluation_kpi_weights");

            migrationBuilder.DropTable(
                name: "trust_survey_answers");

            migrationBuilder.DropTable(
                name: "trust_survey_places");

            migrationBuilder.DropTable(
                name: "trust_survey_token_uses");

            migrationBuilder.DropTable(
                name: "trust_survey_questions");

            migrationBuilder.DropTable(
                name: "trust_survey_responses");

            migrationBuilder.DropTable(
                name: "trust_surveys");

            migrationBuilder.DropColumn(
                name: "ComplaintUpheld",
                table: "appeals");
        }
    }
}

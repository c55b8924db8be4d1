using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FondsConventionsVersementsComptesRendus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CompteRenduRappeleLe",
                table: "Dossiers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompteRenduRetardSignaleLe",
                table: "Dossiers",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ComptesRendusFinanciers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<int>(type: "integer", nullable: false),
                    Realisation = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    PersonnesTouchees = table.Column<int>(type: "integer", nullable: true),
                    ResultatsEvaluation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ExplicationEcarts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Observations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SubventionRealisee = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    Certification = table.Column<bool>(type: "boolean", nullable: false),
                    DeposeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeposePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ModifieLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComptesRendusFinanciers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComptesRendusFinanciers_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConventionsSubvention",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<int>(type: "integer", nullable: false),
                    DecisionId = table.Column<int>(type: "integer", nullable: false),
                    Montant = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    AvecConvention = table.Column<bool>(type: "boolean", nullable: false),
                    PremierePart = table.Column<int>(type: "integer", nullable: true),
                    EcheanceCompteRendu = table.Column<DateOnly>(type: "date", nullable: false),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EnvoyeeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EnvoyeePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SigneeLe = table.Column<DateOnly>(type: "date", nullable: true),
                    CopieSigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignatureEnregistreePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConventionsSubvention", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConventionsSubvention_DecisionsComite_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "DecisionsComite",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConventionsSubvention_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConventionsSubvention_Fichiers_CopieSigneeId",
                        column: x => x.CopieSigneeId,
                        principalTable: "Fichiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LignesCompteRendu",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompteRenduId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Realise = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LignesCompteRendu", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LignesCompteRendu_ComptesRendusFinanciers_CompteRenduId",
                        column: x => x.CompteRenduId,
                        principalTable: "ComptesRendusFinanciers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VersementsSubvention",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConventionId = table.Column<int>(type: "integer", nullable: false),
                    Rang = table.Column<int>(type: "integer", nullable: false),
                    Montant = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    ApresCompteRendu = table.Column<bool>(type: "boolean", nullable: false),
                    MandatementId = table.Column<int>(type: "integer", nullable: true),
                    VerseLe = table.Column<DateOnly>(type: "date", nullable: true),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    VersePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersementsSubvention", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VersementsSubvention_ConventionsSubvention_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "ConventionsSubvention",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VersementsSubvention_Mandatements_MandatementId",
                        column: x => x.MandatementId,
                        principalTable: "Mandatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComptesRendusFinanciers_DossierId",
                table: "ComptesRendusFinanciers",
                column: "DossierId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConventionsSubvention_CopieSigneeId",
                table: "ConventionsSubvention",
                column: "CopieSigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_ConventionsSubvention_DecisionId",
                table: "ConventionsSubvention",
                column: "DecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConventionsSubvention_DossierId",
                table: "ConventionsSubvention",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_LignesCompteRendu_CompteRenduId_Code",
                table: "LignesCompteRendu",
                columns: new[] { "CompteRenduId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VersementsSubvention_ConventionId_Rang",
                table: "VersementsSubvention",
                columns: new[] { "ConventionId", "Rang" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VersementsSubvention_MandatementId",
                table: "VersementsSubvention",
                column: "MandatementId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LignesCompteRendu");

            migrationBuilder.DropTable(
                name: "VersementsSubvention");

            migrationBuilder.DropTable(
                name: "ComptesRendusFinanciers");

            migrationBuilder.DropTable(
                name: "ConventionsSubvention");

            migrationBuilder.DropColumn(
                name: "CompteRenduRappeleLe",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "CompteRenduRetardSignaleLe",
                table: "Dossiers");
        }
    }
}

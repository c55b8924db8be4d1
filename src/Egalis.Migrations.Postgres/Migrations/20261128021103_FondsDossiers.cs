using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FondsDossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Dossiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AppelId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Etat = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModifieLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeposeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CorrectionDemandee = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConseilTerritoireCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Agrements = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Salaries = table.Column<int>(type: "integer", nullable: true),
                    Etp = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    Benevoles = table.Column<int>(type: "integer", nullable: true),
                    Intitule = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Objectifs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    PublicVise = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NombreBeneficiaires = table.Column<int>(type: "integer", nullable: true),
                    DateDebut = table.Column<DateOnly>(type: "date", nullable: true),
                    DateFin = table.Column<DateOnly>(type: "date", nullable: true),
                    Communes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Qpv = table.Column<List<string>>(type: "text[]", nullable: false),
                    Criteres = table.Column<List<string>>(type: "text[]", nullable: false),
                    Domaines = table.Column<List<string>>(type: "text[]", nullable: false),
                    Moyens = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Evaluation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MontantDemande = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    Attestation = table.Column<bool>(type: "boolean", nullable: false),
                    EngagementRepublicain = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dossiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dossiers_AppelsAProjets_AppelId",
                        column: x => x.AppelId,
                        principalTable: "AppelsAProjets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dossiers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LignesBudgetDossier",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Montant = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LignesBudgetDossier", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LignesBudgetDossier_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AppelId_Etat",
                table: "Dossiers",
                columns: new[] { "AppelId", "Etat" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_OrganisationId",
                table: "Dossiers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_LignesBudgetDossier_DossierId_Code",
                table: "LignesBudgetDossier",
                columns: new[] { "DossierId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LignesBudgetDossier");

            migrationBuilder.DropTable(
                name: "Dossiers");
        }
    }
}

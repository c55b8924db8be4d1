using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FondsAppels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppelsAProjets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Annee = table.Column<int>(type: "integer", nullable: false),
                    Titre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reglement = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Ouverture = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Cloture = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AllocationId = table.Column<int>(type: "integer", nullable: true),
                    OuvertAuxAssociations = table.Column<bool>(type: "boolean", nullable: false),
                    OuvertAuxCommunes = table.Column<bool>(type: "boolean", nullable: false),
                    Territoires = table.Column<List<string>>(type: "text[]", nullable: false),
                    PrioriteSansPlanLocal = table.Column<bool>(type: "boolean", nullable: false),
                    MontantMaximum = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    PartMaximale = table.Column<int>(type: "integer", nullable: true),
                    NotesRequises = table.Column<int>(type: "integer", nullable: false),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublieLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppelsAProjets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppelsAProjets_Allocations_AllocationId",
                        column: x => x.AllocationId,
                        principalTable: "Allocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommunesPlanLocal",
                columns: table => new
                {
                    CommuneCodeInsee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunesPlanLocal", x => x.CommuneCodeInsee);
                    table.ForeignKey(
                        name: "FK_CommunesPlanLocal_Communes_CommuneCodeInsee",
                        column: x => x.CommuneCodeInsee,
                        principalTable: "Communes",
                        principalColumn: "CodeInsee",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CriteresNotation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AppelId = table.Column<int>(type: "integer", nullable: false),
                    Rang = table.Column<int>(type: "integer", nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Poids = table.Column<int>(type: "integer", nullable: false),
                    Echelle = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CriteresNotation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CriteresNotation_AppelsAProjets_AppelId",
                        column: x => x.AppelId,
                        principalTable: "AppelsAProjets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppelsAProjets_AllocationId",
                table: "AppelsAProjets",
                column: "AllocationId");

            migrationBuilder.CreateIndex(
                name: "IX_AppelsAProjets_Annee_Titre",
                table: "AppelsAProjets",
                columns: new[] { "Annee", "Titre" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppelsAProjets_Statut",
                table: "AppelsAProjets",
                column: "Statut");

            migrationBuilder.CreateIndex(
                name: "IX_CriteresNotation_AppelId_Rang",
                table: "CriteresNotation",
                columns: new[] { "AppelId", "Rang" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunesPlanLocal");

            migrationBuilder.DropTable(
                name: "CriteresNotation");

            migrationBuilder.DropTable(
                name: "AppelsAProjets");
        }
    }
}

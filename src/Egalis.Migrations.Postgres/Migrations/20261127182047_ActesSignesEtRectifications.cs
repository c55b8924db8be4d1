using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ActesSignesEtRectifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Delibere",
                table: "PointsOrdreDuJour",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ImporteLe",
                table: "PointsOrdreDuJour",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CreeParImportPointId",
                table: "Mandats",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PointId = table.Column<int>(type: "integer", nullable: false),
                    Quand = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Auteur = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Champ = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AncienneValeur = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    NouvelleValeur = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    Motif = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rectifications_PointsOrdreDuJour_PointId",
                        column: x => x.PointId,
                        principalTable: "PointsOrdreDuJour",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_PointId",
                table: "Rectifications",
                column: "PointId");

            // Acts already decided before this version: a recorded vote, a result from an extract, a signature
            // or a transmission, or a taking note with its attendance — for a session that has taken place.
            migrationBuilder.Sql(@"UPDATE ""PointsOrdreDuJour"" o SET ""Delibere"" = TRUE
                WHERE (o.""Pour"" IS NOT NULL OR o.""ResultatSansDecompte"" IS NOT NULL OR o.""Transmission"" <> 0 OR o.""DateSignature"" IS NOT NULL
                       OR (o.""Genre"" = 1 AND EXISTS (SELECT 1 FROM ""Presences"" p WHERE p.""PointId"" = o.""Id"")))
                  AND EXISTS (SELECT 1 FROM ""Seances"" s WHERE s.""Id"" = o.""SeanceId"" AND s.""Date"" <= CURRENT_DATE);");
            // The place is written as the register writes it after « s'est réuni ».
            migrationBuilder.Sql(@"UPDATE ""Seances"" SET ""Lieu"" = 'au Château Saint-Hilaire à Coudoux' WHERE ""Lieu"" = 'Château Saint-Hilaire, Coudoux';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Rectifications");

            migrationBuilder.DropColumn(
                name: "Delibere",
                table: "PointsOrdreDuJour");

            migrationBuilder.DropColumn(
                name: "ImporteLe",
                table: "PointsOrdreDuJour");

            migrationBuilder.DropColumn(
                name: "CreeParImportPointId",
                table: "Mandats");
        }
    }
}

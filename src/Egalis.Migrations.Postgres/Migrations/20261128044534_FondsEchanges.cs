using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FondsEchanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SuiviPar",
                table: "Dossiers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuiviParId",
                table: "Dossiers",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AnnotationsDossier",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<int>(type: "integer", nullable: false),
                    AuteurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Auteur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Texte = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnotationsDossier", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnotationsDossier_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EtiquettesFonds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Nom = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EtiquettesFonds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessagesDossier",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<int>(type: "integer", nullable: false),
                    DeLEquipe = table.Column<bool>(type: "boolean", nullable: false),
                    AuteurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Auteur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Texte = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FichierId = table.Column<Guid>(type: "uuid", nullable: true),
                    Le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagesDossier", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessagesDossier_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MessagesDossier_Fichiers_FichierId",
                        column: x => x.FichierId,
                        principalTable: "Fichiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EtiquettesDossier",
                columns: table => new
                {
                    DossierId = table.Column<int>(type: "integer", nullable: false),
                    EtiquetteId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EtiquettesDossier", x => new { x.DossierId, x.EtiquetteId });
                    table.ForeignKey(
                        name: "FK_EtiquettesDossier_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EtiquettesDossier_EtiquettesFonds_EtiquetteId",
                        column: x => x.EtiquetteId,
                        principalTable: "EtiquettesFonds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_SuiviParId",
                table: "Dossiers",
                column: "SuiviParId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnotationsDossier_DossierId",
                table: "AnnotationsDossier",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_EtiquettesDossier_EtiquetteId",
                table: "EtiquettesDossier",
                column: "EtiquetteId");

            migrationBuilder.CreateIndex(
                name: "IX_EtiquettesFonds_Nom",
                table: "EtiquettesFonds",
                column: "Nom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessagesDossier_DossierId_Le",
                table: "MessagesDossier",
                columns: new[] { "DossierId", "Le" });

            migrationBuilder.CreateIndex(
                name: "IX_MessagesDossier_FichierId",
                table: "MessagesDossier",
                column: "FichierId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnotationsDossier");

            migrationBuilder.DropTable(
                name: "EtiquettesDossier");

            migrationBuilder.DropTable(
                name: "MessagesDossier");

            migrationBuilder.DropTable(
                name: "EtiquettesFonds");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_SuiviParId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "SuiviPar",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "SuiviParId",
                table: "Dossiers");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FondsJetonsEtMontantsDeLaDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AvisExperts_DossierId",
                table: "AvisExperts");

            migrationBuilder.DropIndex(
                name: "IX_AnnotationsDossier_DossierId",
                table: "AnnotationsDossier");

            migrationBuilder.DropColumn(
                name: "EcheanceCompteRendu",
                table: "ConventionsSubvention");

            migrationBuilder.DropColumn(
                name: "Montant",
                table: "ConventionsSubvention");

            migrationBuilder.AddColumn<Guid>(
                name: "Jeton",
                table: "MessagesDossier",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Jeton",
                table: "AvisExperts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Jeton",
                table: "AnnotationsDossier",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessagesDossier_DossierId_Jeton",
                table: "MessagesDossier",
                columns: new[] { "DossierId", "Jeton" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AvisExperts_DossierId_Jeton",
                table: "AvisExperts",
                columns: new[] { "DossierId", "Jeton" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnotationsDossier_DossierId_Jeton",
                table: "AnnotationsDossier",
                columns: new[] { "DossierId", "Jeton" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MessagesDossier_DossierId_Jeton",
                table: "MessagesDossier");

            migrationBuilder.DropIndex(
                name: "IX_AvisExperts_DossierId_Jeton",
                table: "AvisExperts");

            migrationBuilder.DropIndex(
                name: "IX_AnnotationsDossier_DossierId_Jeton",
                table: "AnnotationsDossier");

            migrationBuilder.DropColumn(
                name: "Jeton",
                table: "MessagesDossier");

            migrationBuilder.DropColumn(
                name: "Jeton",
                table: "AvisExperts");

            migrationBuilder.DropColumn(
                name: "Jeton",
                table: "AnnotationsDossier");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EcheanceCompteRendu",
                table: "ConventionsSubvention",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<decimal>(
                name: "Montant",
                table: "ConventionsSubvention",
                type: "TEXT",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateIndex(
                name: "IX_AvisExperts_DossierId",
                table: "AvisExperts",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnotationsDossier_DossierId",
                table: "AnnotationsDossier",
                column: "DossierId");
        }
    }
}

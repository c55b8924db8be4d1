using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FondsDocumentEnvoye : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DocumentEnvoyeId",
                table: "ConventionsSubvention",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConventionsSubvention_DocumentEnvoyeId",
                table: "ConventionsSubvention",
                column: "DocumentEnvoyeId");

            migrationBuilder.AddForeignKey(
                name: "FK_ConventionsSubvention_Fichiers_DocumentEnvoyeId",
                table: "ConventionsSubvention",
                column: "DocumentEnvoyeId",
                principalTable: "Fichiers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ConventionsSubvention_Fichiers_DocumentEnvoyeId",
                table: "ConventionsSubvention");

            migrationBuilder.DropIndex(
                name: "IX_ConventionsSubvention_DocumentEnvoyeId",
                table: "ConventionsSubvention");

            migrationBuilder.DropColumn(
                name: "DocumentEnvoyeId",
                table: "ConventionsSubvention");
        }
    }
}

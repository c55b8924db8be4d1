using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class JournalEnClair : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Lien",
                table: "JournalAudit",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Module",
                table: "JournalAudit",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_JournalAudit_Module_Quand",
                table: "JournalAudit",
                columns: new[] { "Module", "Quand" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalAudit_Qui",
                table: "JournalAudit",
                column: "Qui");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JournalAudit_Module_Quand",
                table: "JournalAudit");

            migrationBuilder.DropIndex(
                name: "IX_JournalAudit_Qui",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "Lien",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "Module",
                table: "JournalAudit");
        }
    }
}

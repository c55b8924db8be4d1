using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EluUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Elus_Nom",
                table: "Elus");

            migrationBuilder.CreateIndex(
                name: "IX_Elus_Nom",
                table: "Elus",
                column: "Nom",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Elus_Nom",
                table: "Elus");

            migrationBuilder.CreateIndex(
                name: "IX_Elus_Nom",
                table: "Elus",
                column: "Nom");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class JalonsSignalesEtTaches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RetardSignaleLe",
                table: "Jalons",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExecutionsTaches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Cle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Noeud = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PrevueLe = table.Column<long>(type: "INTEGER", nullable: true),
                    Debut = table.Column<long>(type: "INTEGER", nullable: false),
                    Fin = table.Column<long>(type: "INTEGER", nullable: false),
                    Reussie = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompteRendu = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Erreur = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionsTaches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionsTaches_Cle_Id",
                table: "ExecutionsTaches",
                columns: new[] { "Cle", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExecutionsTaches");

            migrationBuilder.DropColumn(
                name: "RetardSignaleLe",
                table: "Jalons");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Fichiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Fichiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProprietaireType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProprietaireId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TypeMime = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Taille = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeposePar = table.Column<string>(type: "TEXT", maxLength: 460, nullable: false),
                    DeposeLe = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Fichiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContenusFichiers",
                columns: table => new
                {
                    FichierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Octets = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContenusFichiers", x => x.FichierId);
                    table.ForeignKey(
                        name: "FK_ContenusFichiers_Fichiers_FichierId",
                        column: x => x.FichierId,
                        principalTable: "Fichiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Fichiers_ProprietaireType_ProprietaireId",
                table: "Fichiers",
                columns: new[] { "ProprietaireType", "ProprietaireId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContenusFichiers");

            migrationBuilder.DropTable(
                name: "Fichiers");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EtapesWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EtapesWorkflow",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    EnregistrementId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    De = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Vers = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Par = table.Column<string>(type: "TEXT", maxLength: 460, nullable: false),
                    Le = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EtapesWorkflow", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EtapesWorkflow_Type_EnregistrementId_Id",
                table: "EtapesWorkflow",
                columns: new[] { "Type", "EnregistrementId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EtapesWorkflow");
        }
    }
}

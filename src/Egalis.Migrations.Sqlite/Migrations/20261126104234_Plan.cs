using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Plan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Titre = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AdopteLe = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "StatutsAction",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProgressionParDefaut = table.Column<int>(type: "INTEGER", nullable: true),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatutsAction", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ElementsPlan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Niveau = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Titre = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ServicePilote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Partenaires = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Territoires = table.Column<string>(type: "TEXT", nullable: false),
                    DateDebut = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateFin = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StatutCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Progression = table.Column<int>(type: "INTEGER", nullable: true),
                    Poids = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElementsPlan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElementsPlan_ElementsPlan_ParentId",
                        column: x => x.ParentId,
                        principalTable: "ElementsPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ElementsPlan_Plans_PlanCode",
                        column: x => x.PlanCode,
                        principalTable: "Plans",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ElementsPlan_StatutsAction_StatutCode",
                        column: x => x.StatutCode,
                        principalTable: "StatutsAction",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Jalons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ElementPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Titre = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AtteintLe = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jalons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Jalons_ElementsPlan_ElementPlanId",
                        column: x => x.ElementPlanId,
                        principalTable: "ElementsPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiensElementPlan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ElementPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiensElementPlan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiensElementPlan_ElementsPlan_ElementPlanId",
                        column: x => x.ElementPlanId,
                        principalTable: "ElementsPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ElementsPlan_ParentId",
                table: "ElementsPlan",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ElementsPlan_PlanCode_Code",
                table: "ElementsPlan",
                columns: new[] { "PlanCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ElementsPlan_StatutCode",
                table: "ElementsPlan",
                column: "StatutCode");

            migrationBuilder.CreateIndex(
                name: "IX_Jalons_Date",
                table: "Jalons",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Jalons_ElementPlanId",
                table: "Jalons",
                column: "ElementPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_LiensElementPlan_ElementPlanId",
                table: "LiensElementPlan",
                column: "ElementPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_LiensElementPlan_Type_Reference",
                table: "LiensElementPlan",
                columns: new[] { "Type", "Reference" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Jalons");

            migrationBuilder.DropTable(
                name: "LiensElementPlan");

            migrationBuilder.DropTable(
                name: "ElementsPlan");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropTable(
                name: "StatutsAction");
        }
    }
}

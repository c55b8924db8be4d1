using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReinitialisationsEtJournalImmuable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only in the database itself: no update, no delete of a line younger than 5 years
            // (Quand is stored as DateTimeOffsetToBinaryConverter writes it: ticks / 1000 shifted left by 11 bits).
            migrationBuilder.Sql(@"
CREATE TRIGGER journal_immuable_modification BEFORE UPDATE ON JournalAudit
BEGIN SELECT RAISE(ABORT, 'Le journal d''audit ne se modifie pas.'); END;
CREATE TRIGGER journal_immuable_suppression BEFORE DELETE ON JournalAudit
WHEN (OLD.Quand >> 11) * 1000 >= (julianday('now', '-5 years') - 1721425.5) * 864000000000
BEGIN SELECT RAISE(ABORT, 'Le journal d''audit ne s''efface pas avant 5 ans.'); END;
");

            migrationBuilder.CreateTable(
                name: "ReinitialisationsDoubleAuthentification",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UtilisateurId = table.Column<string>(type: "TEXT", nullable: false),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Par = table.Column<string>(type: "TEXT", maxLength: 460, nullable: false),
                    Le = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReinitialisationsDoubleAuthentification", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReinitialisationsDoubleAuthentification_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReinitialisationsDoubleAuthentification_UtilisateurId_Le",
                table: "ReinitialisationsDoubleAuthentification",
                columns: new[] { "UtilisateurId", "Le" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER journal_immuable_suppression; DROP TRIGGER journal_immuable_modification;");

            migrationBuilder.DropTable(
                name: "ReinitialisationsDoubleAuthentification");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReinitialisationsEtJournalImmuable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only in the database itself: no update, delete or truncate, whoever asks,
            // and the application's role loses those rights on the table; only lines past their 5 years may be deleted.
            migrationBuilder.Sql(@"
CREATE FUNCTION egalis_journal_immuable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Only the retention job's deletion of lines past their 5 years of keeping goes through.
    IF TG_OP = 'DELETE' AND OLD.""Quand"" < now() - interval '5 years' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'Le journal d''audit ne se modifie pas et ne s''efface pas avant 5 ans.' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER journal_immuable BEFORE UPDATE OR DELETE ON ""JournalAudit"" FOR EACH ROW EXECUTE FUNCTION egalis_journal_immuable();
CREATE TRIGGER journal_immuable_vidage BEFORE TRUNCATE ON ""JournalAudit"" FOR EACH STATEMENT EXECUTE FUNCTION egalis_journal_immuable();
REVOKE UPDATE, TRUNCATE ON ""JournalAudit"" FROM PUBLIC, CURRENT_USER;
");

            migrationBuilder.CreateTable(
                name: "ReinitialisationsDoubleAuthentification",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UtilisateurId = table.Column<string>(type: "text", nullable: false),
                    Motif = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Par = table.Column<string>(type: "character varying(460)", maxLength: 460, nullable: false),
                    Le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReinitialisationsDoubleAuthentification", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReinitialisationsDoubleAuthentification_AspNetUsers_Utilisa~",
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
            migrationBuilder.Sql(@"
GRANT UPDATE, TRUNCATE ON ""JournalAudit"" TO CURRENT_USER;
DROP TRIGGER journal_immuable_vidage ON ""JournalAudit"";
DROP TRIGGER journal_immuable ON ""JournalAudit"";
DROP FUNCTION egalis_journal_immuable();
");

            migrationBuilder.DropTable(
                name: "ReinitialisationsDoubleAuthentification");
        }
    }
}

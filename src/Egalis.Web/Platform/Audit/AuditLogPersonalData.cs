using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Platform.Audit;

/// <summary>The audit log names who did what: kept 5 years, then deleted (the database refuses any earlier deletion).</summary>
public sealed class AuditLogPersonalData : IPersonalDataDeclaration
{
    public const int Annees = 5;

    public string Donnees => "Journal des actions (qui, quand, quoi)";
    public string Finalite => "Traçabilité des décisions et sécurité";
    public string Conservation => $"{Annees} ans";

    public async Task<string> PurgeAsync(EgalisDbContext db, DateTimeOffset maintenant, CancellationToken ct)
    {
        // A day's margin: the database refuses, by its own clock, to delete a line younger than 5 years.
        var limite = maintenant.AddYears(-Annees).AddDays(-1);
        var effacees = await db.AuditEntries.Where(e => e.Quand < limite).ExecuteDeleteAsync(ct);
        return Text.French.Nombre(effacees, "ligne de plus de 5 ans effacée", "lignes de plus de 5 ans effacées");
    }
}

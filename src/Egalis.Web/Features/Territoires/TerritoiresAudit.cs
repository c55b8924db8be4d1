using Egalis.Web.Platform.Audit;

namespace Egalis.Web.Features.Territoires;

/// <summary>The reference geography in the audit log (loaded from its files, changed only by a new version of them).</summary>
public static class TerritoiresAudit
{
    private const string Module = "Référentiel";

    public static void Register(IServiceCollection services)
    {
        services.AddAuditDescription(new AuditDescription<Metropole> { Module = Module, Nom = (m, _) => $"la collectivité « {m.Nom} » (SIREN {m.Siren})" });
        services.AddAuditDescription(new AuditDescription<ConseilTerritoire> { Module = Module, Nom = (c, _) => $"le conseil de territoire {c.Code} « {c.Nom} »", Lien = _ => "/territoires" });
        services.AddAuditDescription(new AuditDescription<Commune>
        {
            Module = Module,
            Nom = (c, _) => $"la commune {c.Nom} ({c.CodeInsee})",
            Lien = _ => "/territoires",
            Champs = new Dictionary<string, string> { ["Nom"] = "nom", ["ConseilTerritoireCode"] = "conseil de territoire", ["PopulationMunicipale"] = "population municipale" },
        });
        services.AddAuditDescription(new AuditDescription<Qpv> { Module = Module, Nom = (q, _) => $"le quartier prioritaire {q.Code} « {q.Nom} »", Lien = _ => "/territoires" });
        // Which communes a priority neighbourhood spans: told by the neighbourhood's own line.
        services.AddAuditDescription(new AuditDescription<QpvCommune> { Module = Module, Nom = (q, _) => "", Silencieux = true });
        services.AddAuditDescription(new AuditDescription<CritereDiscrimination> { Module = Module, Nom = (c, _) => $"le critère de discrimination « {c.Libelle} »" });
    }
}

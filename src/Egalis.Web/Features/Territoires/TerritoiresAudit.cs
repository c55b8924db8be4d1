using Egalis.Web.Platform.Audit;

namespace Egalis.Web.Features.Territoires;

/// <summary>The reference geography in the audit log (loaded from its files, changed only by a new version of them).</summary>
public static class TerritoiresAudit
{
    private const string Module = "Référentiel";

    public static void Register(IServiceCollection services)
    {
        services.AddDescriptionAudit(new AuditDescription<Metropole> { Module = Module, Nom = (m, _) => $"la collectivité « {m.Nom} » (SIREN {m.Siren})" });
        services.AddDescriptionAudit(new AuditDescription<ConseilTerritoire> { Module = Module, Nom = (c, _) => $"le conseil de territoire {c.Code} « {c.Nom} »", Lien = _ => "/territoires" });
        services.AddDescriptionAudit(new AuditDescription<Commune>
        {
            Module = Module,
            Nom = (c, _) => $"la commune {c.Nom} ({c.CodeInsee})",
            Lien = _ => "/territoires",
            Champs = new Dictionary<string, string> { ["Nom"] = "nom", ["ConseilTerritoireCode"] = "conseil de territoire", ["PopulationMunicipale"] = "population municipale" },
        });
        services.AddDescriptionAudit(new AuditDescription<Qpv> { Module = Module, Nom = (q, _) => $"le quartier prioritaire {q.Code} « {q.Nom} »", Lien = _ => "/territoires" });
        // Which communes a priority neighbourhood spans: told by the neighbourhood's own line.
        services.AddDescriptionAudit(new AuditDescription<QpvCommune> { Module = Module, Nom = (q, _) => "", Silencieux = true });
        services.AddDescriptionAudit(new AuditDescription<CritereDiscrimination> { Module = Module, Nom = (c, _) => $"le critère de discrimination « {c.Libelle} »" });
    }
}

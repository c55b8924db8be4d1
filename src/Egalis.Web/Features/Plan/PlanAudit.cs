using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Audit;

namespace Egalis.Web.Features.Plan;

/// <summary>The plan's records in the audit log.</summary>
public static class PlanAudit
{
    private const string Module = "Plan";

    private static string Element(ElementPlan e) => e.Niveau switch
    {
        NiveauElement.Axe => $"l'axe {e.Code} « {Court(e.Titre)} »",
        NiveauElement.Action => $"l'action {e.Code} « {Court(e.Titre)} »",
        _ => $"la sous-action {e.Code} « {Court(e.Titre)} »",
    };

    private static string Court(string texte) => texte.Length > 60 ? texte[..57] + "…" : texte;

    public static void Register(IServiceCollection services)
    {
        services.AddAuditDescription(new AuditDescription<PlanAction> { Module = Module, Nom = (p, _) => $"le plan « {Court(p.Titre)} »", Lien = _ => "/plan" });
        services.AddAuditDescription(new AuditDescription<ElementPlan>
        {
            Module = Module,
            Nom = (e, _) => Element(e),
            Lien = e => $"/plan/action/{e.Code}",
            Champs = new Dictionary<string, string>
            {
                ["Titre"] = "intitulé", ["Description"] = "précisions", ["StatutCode"] = "statut", ["Progression"] = "avancement (%)", ["Poids"] = "poids",
                ["DateDebut"] = "début", ["DateFin"] = "fin", ["ServicePilote"] = "service pilote", ["Partenaires"] = "partenaires", ["Territoires"] = "territoires",
            },
        });
        services.AddAuditDescription(new AuditDescription<StatutAction>
        {
            Module = Module,
            Nom = (s, _) => $"le statut « {s.Libelle} »",
            Lien = _ => "/plan/statuts",
            Champs = new Dictionary<string, string> { ["Libelle"] = "libellé", ["ProgressionParDefaut"] = "avancement par défaut (%)" },
        });
        services.AddAuditDescription(new AuditDescription<Jalon>
        {
            Module = Module,
            Nom = (j, db) => $"le jalon « {Court(j.Titre)} » de l'action {CodeElement(db, j.ElementPlanId)}",
            Lien = j => null,
            Champs = new Dictionary<string, string> { ["Date"] = "date", ["Titre"] = "intitulé", ["Description"] = "description", ["AtteintLe"] = "atteint le", ["RetardSignaleLe"] = "signalé en retard le" },
        });
        services.AddAuditDescription(new AuditDescription<Indicateur>
        {
            Module = Module,
            Nom = (i, _) => $"l'indicateur {i.Code} « {Court(i.Libelle)} »",
            Lien = i => $"/plan/indicateur/{i.Code}",
            Champs = new Dictionary<string, string> { ["Libelle"] = "intitulé", ["Unite"] = "unité", ["ActionCode"] = "action mesurée", ["Description"] = "description" },
            Formats = new Dictionary<string, Func<object?, string?>>(),
        });
        services.AddAuditDescription(new AuditDescription<CibleIndicateur>
        {
            Module = Module,
            Nom = (c, _) => $"la cible {c.Annee} de l'indicateur {c.IndicateurCode}",
            Lien = c => $"/plan/indicateur/{c.IndicateurCode}",
            Champs = new Dictionary<string, string> { ["Valeur"] = "valeur" },
        });
        services.AddAuditDescription(new AuditDescription<ValeurIndicateur>
        {
            Module = Module,
            Nom = (v, _) => $"la valeur {v.Annee}{(v.Periode.Length == 0 ? "" : " " + v.Periode)} de l'indicateur {v.IndicateurCode}",
            Lien = v => $"/plan/indicateur/{v.IndicateurCode}",
            Champs = new Dictionary<string, string> { ["Valeur"] = "valeur", ["Commentaire"] = "commentaire" },
        });
    }

    private static string CodeElement(Microsoft.EntityFrameworkCore.DbContext db, int id) =>
        AuditReader.Read<ElementPlan, string>(db, e => e.Id == id, e => e.Id == id, e => e.Code) ?? "?";
}
